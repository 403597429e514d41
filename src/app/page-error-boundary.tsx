import { Component, type ReactNode } from 'react';
import { ErrorState } from '../components/error-state';

type Props = {
  children: ReactNode;
  /** The page's path: another page starts afresh. */ path: string;
};

/**
 * A page that fails to render, or whose code fails to load (a deploy replaced it), shows why
 * under a header that still works, instead of blanking the whole app.
 */
export class PageErrorBoundary extends Component<Props, { error: unknown }> {
  state: { error: unknown } = { error: null };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidUpdate(previous: Props) {
    if (this.state.error !== null && previous.path !== this.props.path)
      this.setState({ error: null });
  }

  render() {
    if (this.state.error === null) return this.props.children;
    return (
      <ErrorState
        title="This page could not be shown"
        error={this.state.error}
        onRetry={() => window.location.reload()}
      />
    );
  }
}
