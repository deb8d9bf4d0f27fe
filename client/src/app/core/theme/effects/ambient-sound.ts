import type { SoundKind, ThemeSound } from '@contracts/themes';

/** A theme's volume 1 is this loud: ambient means barely there. */
const MAX_GAIN = 0.12;

/** Stops a sound started by `playAmbient`. */
export type StopSound = () => void;

/**
 * Plays sounds through one AudioContext, made on first use: the caller waits for a user gesture, before
 * which browsers keep a new context suspended. Stopping suspends it, so nothing keeps the audio device busy.
 */
export function ambientPlayer(): (sound: ThemeSound) => StopSound {
  let audio: AudioContext | null = null;
  return (sound) => {
    if (typeof AudioContext !== 'function') return () => undefined;
    audio ??= new AudioContext();
    void audio.resume();
    const stop = playAmbient(audio, sound);
    return () => {
      stop();
      void audio?.suspend();
    };
  };
}

/**
 * Plays a theme's ambient sound, synthesised from noise and oscillators (no audio files): rain and cafe
 * murmur are filtered noise, waves are brown noise swelling slowly, hum a low rumble, keys short clicks.
 */
export function playAmbient(audio: AudioContext, sound: ThemeSound): StopSound {
  const master = audio.createGain();
  master.gain.value = MAX_GAIN * sound.volume;
  master.connect(audio.destination);
  const timers: ReturnType<typeof setTimeout>[] = [];
  const sources: AudioScheduledSourceNode[] = [];
  const start = <T extends AudioScheduledSourceNode>(node: T) => (
    sources.push(node),
    node.start(),
    node
  );
  const noise = (colour: 'white' | 'brown') => {
    const node = audio.createBufferSource();
    node.buffer = noiseBuffer(audio, colour);
    node.loop = true;
    return node;
  };
  const filter = (type: BiquadFilterType, frequency: number, q = 0.7) => {
    const node = audio.createBiquadFilter();
    node.type = type;
    node.frequency.value = frequency;
    node.Q.value = q;
    return node;
  };
  /** A slow swell of `param` around its value (waves breaking, a room's murmur rising and falling). */
  const swell = (param: AudioParam, hz: number, depth: number) => {
    const lfo = audio.createOscillator();
    const amount = audio.createGain();
    lfo.frequency.value = hz;
    amount.gain.value = depth;
    lfo.connect(amount).connect(param);
    start(lfo);
  };
  /** Calls `play` again and again, `pause()` ms apart, until stopped. */
  const repeat = (pause: () => number, play: () => void) => {
    const next = () => timers.push(setTimeout(() => (play(), next()), pause()));
    next();
  };
  /** A short burst of filtered noise (a key) or of a tone (a cup), with a fast decay. */
  const blip = (frequency: number, seconds: number, level: number, tone: boolean) => {
    const now = audio.currentTime;
    const envelope = audio.createGain();
    envelope.gain.setValueAtTime(level, now);
    envelope.gain.exponentialRampToValueAtTime(0.0001, now + seconds);
    envelope.connect(master);
    let source: AudioScheduledSourceNode;
    if (tone) {
      const oscillator = audio.createOscillator();
      oscillator.frequency.value = frequency;
      source = oscillator;
      oscillator.connect(envelope);
    } else {
      const burst = noise('white');
      source = burst;
      burst.connect(filter('bandpass', frequency, 2)).connect(envelope);
    }
    source.start(now);
    source.stop(now + seconds);
  };

  const voices: Record<SoundKind, () => void> = {
    rain: () =>
      void start(noise('white'))
        .connect(filter('highpass', 400))
        .connect(filter('lowpass', 3500))
        .connect(master),
    waves: () => {
      const level = audio.createGain();
      level.gain.value = 0.6;
      swell(level.gain, 0.09, 0.45);
      start(noise('brown')).connect(filter('lowpass', 700)).connect(level).connect(master);
    },
    hum: () => {
      start(noise('brown')).connect(filter('lowpass', 180)).connect(master);
      const drone = audio.createOscillator();
      const level = audio.createGain();
      drone.frequency.value = 55;
      level.gain.value = 0.08;
      start(drone).connect(level).connect(master);
    },
    cafe: () => {
      const murmur = audio.createGain();
      murmur.gain.value = 0.5;
      swell(murmur.gain, 0.23, 0.2);
      start(noise('white'))
        .connect(filter('bandpass', 650, 0.6))
        .connect(murmur)
        .connect(master);
      repeat(
        () => 2500 + Math.random() * 6000,
        () => blip(2200 + Math.random() * 1400, 0.4, 0.08, true),
      );
    },
    keys: () =>
      repeat(
        // Typing: bursts of quick keys with a pause now and then.
        () => (Math.random() < 0.08 ? 900 + Math.random() * 1500 : 70 + Math.random() * 160),
        () => blip(2500 + Math.random() * 1500, 0.03, 0.9, false),
      ),
  };
  voices[sound.kind]();

  return () => {
    for (const timer of timers) clearTimeout(timer);
    for (const source of sources) source.stop();
    master.disconnect();
  };
}

const buffers = new WeakMap<AudioContext, Partial<Record<'white' | 'brown', AudioBuffer>>>();

/** Two seconds of looping noise per context and colour; brown noise is integrated white noise. */
function noiseBuffer(audio: AudioContext, colour: 'white' | 'brown'): AudioBuffer {
  const cache = buffers.get(audio) ?? {};
  buffers.set(audio, cache);
  const cached = cache[colour];
  if (cached) return cached;
  const buffer = audio.createBuffer(1, audio.sampleRate * 2, audio.sampleRate);
  const data = buffer.getChannelData(0);
  let last = 0;
  for (let i = 0; i < data.length; i++) {
    const white = Math.random() * 2 - 1;
    last = colour === 'brown' ? (last + 0.02 * white) / 1.02 : white;
    data[i] = colour === 'brown' ? last * 3.5 : white;
  }
  return (cache[colour] = buffer);
}
