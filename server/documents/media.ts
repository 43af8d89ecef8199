import { execFile } from 'node:child_process';
import type { FormDrafting } from '../knowledge/schemas/forms';
import { findExecutable } from './exec';

type Materials = FormDrafting['materials'];

function say(m: Materials, key: string, vars: Record<string, string | number>): string {
  const t = m.messages[key] ?? key;
  return t.replace(/\{(\w+)\}/g, (_x, k: string) => String(vars[k] ?? `{${k}}`));
}

/** 附件N.四(五): 不少于10张 photos. */
export function checkPhotos(m: Materials, count: number): { ok: boolean; message: string } {
  const min = m.rules.photosMin;
  return count >= min ? { ok: true, message: say(m, 'photosOk', { n: count, min }) } : { ok: false, message: say(m, 'photosShort', { n: count, min, k: min - count }) };
}

export interface Probe {
  formatName: string;
  durationSeconds: number | null;
  width: number | null;
  height: number | null;
}

/** ffprobe's view of a video, or null when ffprobe is absent; throws when the file cannot be read. */
export async function probeVideo(path: string, ffprobe = findExecutable(['ffprobe'])): Promise<Probe | null> {
  if (!ffprobe) return null;
  const out = await new Promise<string>((resolve, reject) =>
    execFile(ffprobe, ['-v', 'error', '-print_format', 'json', '-show_format', '-show_streams', path], { timeout: 30_000, maxBuffer: 4 << 20 }, (err, stdout) => (err ? reject(err) : resolve(stdout))),
  );
  const j = JSON.parse(out) as { format?: { format_name?: string; duration?: string }; streams?: { codec_type?: string; width?: number; height?: number }[] };
  const v = j.streams?.find((s) => s.codec_type === 'video');
  const d = Number(j.format?.duration);
  return { formatName: j.format?.format_name ?? '', durationSeconds: Number.isFinite(d) ? d : null, width: v?.width ?? null, height: v?.height ?? null };
}

/** 附件N.四(六): MP4, 不低于1080P, 1分钟左右, 不超过200M; what could not be checked is said. */
export function checkVideo(m: Materials, size: number, probe: Probe | null, mp4Magic: boolean): { ok: boolean; messages: string[] } {
  const r = m.rules;
  const msgs: string[] = [];
  let ok = true;
  const mb = Math.round((size / (1024 * 1024)) * 10) / 10;
  if (size > r.videoMaxMB * 1024 * 1024) {
    ok = false;
    msgs.push(say(m, 'videoTooBig', { mb, max: r.videoMaxMB }));
  } else msgs.push(say(m, 'videoSizeOk', { mb, max: r.videoMaxMB }));
  const isMp4 = probe ? /mp4/.test(probe.formatName) && mp4Magic : mp4Magic;
  if (!isMp4) ok = false;
  msgs.push(isMp4 ? say(m, 'videoMp4', {}) : say(m, 'videoNotMp4', { format: probe?.formatName || '未知' }));
  if (!probe) {
    msgs.push(say(m, 'videoNoProbe', {}));
    return { ok: false, messages: msgs };
  }
  if (probe.durationSeconds !== null) {
    const s = Math.round(probe.durationSeconds);
    const near = Math.abs(probe.durationSeconds - r.videoSeconds) <= r.videoToleranceSeconds;
    if (!near) ok = false;
    msgs.push(say(m, near ? 'videoDurationOk' : 'videoDurationOff', { s }));
  }
  if (probe.width !== null && probe.height !== null) {
    // 1080P means 1080 lines on the short side, in landscape or portrait.
    const hd = Math.min(probe.width, probe.height) >= r.videoMinLines;
    if (!hd) ok = false;
    msgs.push(say(m, hd ? 'videoResolutionOk' : 'videoResolutionLow', { w: probe.width, h: probe.height }));
  }
  msgs.push(say(m, 'videoNarration', {}));
  return { ok, messages: msgs };
}
