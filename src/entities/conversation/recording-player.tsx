import { useEffect, useId, useRef, useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { recordingLink } from '../../api/recordings';
import type { Conversation } from '../../../contract/schemas';
import { Button } from '../../components/button';

type Turn = Conversation['transcript'][number];
const SPEEDS = [1, 1.5, 2] as const;
const STEP_SECONDS = 10;

/** 83.4 → "1:23". */
export function clock(seconds: number): string {
  const s = Math.max(0, Math.floor(seconds));
  return `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
}

/** The turn playing at `t`: the last one started by then, none before the first. */
export function turnAt(turns: readonly Turn[], t: number): number {
  let current = -1;
  turns.forEach((turn, i) => {
    if ((turn.start_seconds ?? Infinity) <= t) current = i;
  });
  return current;
}

/**
 * (ext) recordings: the call's audio beside its transcript. The link is asked for on the
 * first play or download, and again when it has expired (a 403 from the media request shows
 * as an error: the player renews the link and resumes where it was). The media request is
 * a plain GET of the signed link: no header, no credential.
 */
export function RecordingPlayer({
  conversationId,
  duration,
  transcript,
}: {
  conversationId: string;
  duration: number;
  transcript: Turn[];
}) {
  const queryClient = useQueryClient();
  const audio = useRef<HTMLAudioElement>(null);
  const list = useRef<HTMLOListElement>(null);
  const [src, setSrc] = useState<string | null>(null);
  const [position, setPosition] = useState(0);
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  const [problem, setProblem] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  // Where to go and whether to play once a (new) link has loaded.
  const resume = useRef<{ at: number; play: boolean } | null>(null);
  const renewals = useRef(0);
  const speedId = useId();
  const current = turnAt(transcript, position);

  // The current turn stays in view inside the transcript's own scroll box, never the page's.
  useEffect(() => {
    const box = list.current;
    const item = box?.children[current] as HTMLElement | undefined;
    if (!box || !item) return;
    const top = item.offsetTop - box.offsetTop;
    if (top < box.scrollTop || top + item.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
  }, [current]);

  useEffect(() => {
    if (audio.current) audio.current.playbackRate = speed;
  }, [speed, src]);

  async function load(play: boolean, at: number, renew = false) {
    setLoading(true);
    setProblem(null);
    try {
      const link = await recordingLink(queryClient, conversationId, { renew });
      resume.current = { at, play };
      if (link.url === src) applyResume();
      else setSrc(link.url);
    } catch (e) {
      setProblem(`Could not get the recording: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      setLoading(false);
    }
  }

  function applyResume() {
    const el = audio.current;
    const next = resume.current;
    if (!el || !next) return;
    resume.current = null;
    el.currentTime = next.at;
    if (next.play) el.play().catch(() => setPlaying(false));
  }

  function seek(to: number) {
    const at = Math.min(duration, Math.max(0, to));
    setPosition(at);
    if (audio.current && src) audio.current.currentTime = at;
  }

  function toggle() {
    if (playing) return audio.current?.pause();
    // The same link while it is good (it then plays at once), a new one once it is not.
    void load(true, position);
  }

  async function download() {
    try {
      const link = await recordingLink(queryClient, conversationId);
      const a = document.createElement('a');
      a.href = link.url;
      a.download = `conversation-${conversationId}.wav`;
      a.click();
    } catch (e) {
      setProblem(`Could not get the recording: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return (
    <section aria-label="Recording" className="space-y-3">
      {/* eslint-disable-next-line jsx-a11y/media-has-caption -- the transcript below is its text, turn by turn, following playback */}
      <audio
        ref={audio}
        src={src ?? undefined}
        preload="metadata"
        onLoadedMetadata={() => {
          renewals.current = 0;
          applyResume();
        }}
        onTimeUpdate={(e) => setPosition(e.currentTarget.currentTime)}
        onPlay={() => setPlaying(true)}
        onPause={() => setPlaying(false)}
        onEnded={() => setPlaying(false)}
        onError={() => {
          // Most likely an expired link: renew it once and carry on from the same place.
          if (renewals.current++ < 1) void load(playing, position, true);
          else setProblem('The recording could not be played.');
        }}
      />
      <div className="flex flex-wrap items-center gap-2" role="group" aria-label="Playback">
        <Button variant="primary" onClick={toggle} disabled={loading}>
          {playing ? 'Pause' : loading ? 'Loading…' : 'Play'}
        </Button>
        <Button onClick={() => seek(position - STEP_SECONDS)}>Back 10 s</Button>
        <Button onClick={() => seek(position + STEP_SECONDS)}>Forward 10 s</Button>
        <label className="flex items-center gap-1 text-sm" htmlFor={speedId}>
          Speed
        </label>
        <select
          id={speedId}
          value={speed}
          onChange={(e) => setSpeed(Number(e.target.value))}
          className="rounded-md border border-slate-300 px-2 py-1 text-sm"
        >
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s}×
            </option>
          ))}
        </select>
        <Button variant="ghost" className="underline" onClick={() => void download()}>
          Download recording
        </Button>
      </div>
      <div className="flex items-center gap-3 text-sm">
        <input
          type="range"
          aria-label="Position"
          aria-valuetext={`${clock(position)} of ${clock(duration)}`}
          min={0}
          max={duration}
          step={1}
          value={Math.floor(position)}
          onChange={(e) => seek(Number(e.target.value))}
          className="w-full accent-indigo-700"
        />
        <span className="shrink-0 tabular-nums text-slate-700">
          {clock(position)} / {clock(duration)}
        </span>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-red-800">
          {problem}
        </p>
      )}
      <ol
        ref={list}
        className="relative max-h-72 space-y-1 overflow-y-auto rounded border border-slate-200 p-2"
        aria-label="Transcript"
      >
        {transcript.map((turn, i) => (
          <li key={i}>
            <button
              type="button"
              aria-current={i === current ? 'true' : undefined}
              onClick={() => seek(turn.start_seconds ?? 0)}
              className={`w-full rounded px-2 py-1 text-left text-sm focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                i === current ? 'bg-indigo-50 ring-1 ring-indigo-300' : 'hover:bg-slate-50'
              }`}
            >
              <span className="font-semibold capitalize">{turn.role}</span>{' '}
              <span className="text-xs text-slate-600 tabular-nums">
                {clock(turn.start_seconds ?? 0)}
              </span>
              <span className="block whitespace-pre-wrap">{turn.text}</span>
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
