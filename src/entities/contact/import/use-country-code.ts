import { useQuery } from '@tanstack/react-query';
import { configurationQueries } from '../../../api/configurations';
import { DEFAULT_COUNTRY_CODE, type Campaign } from '../../../../contract/schemas';

/**
 * The calling code the server reads this campaign's national numbers with: its
 * configuration's default, else the contract's +1. `code` is null until that is known.
 */
export function useCountryCode(campaign: Campaign) {
  const configId = campaign.configuration_id;
  const config = useQuery({
    ...configurationQueries.detail(configId ?? ''),
    enabled: configId !== null,
  });
  const code =
    configId === null
      ? DEFAULT_COUNTRY_CODE
      : config.data
        ? (config.data.default_country_code ?? DEFAULT_COUNTRY_CODE)
        : null;
  return { code, error: config.error, retry: () => void config.refetch() };
}
