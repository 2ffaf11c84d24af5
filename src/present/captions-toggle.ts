// Captions on the projected slide: every video's caption track shows by default (the deck's
// language first), and one key (C) hides or shows them all for the rest of the lesson. The state
// is on <html data-lectern-captions="on|off"> for the presenter's own UI and the tests.
// The caption style itself is part of the one block stylesheet (BLOCKS_CSS) the presenter applies.

export class CaptionsToggle {
  private on = true;

  constructor(
    private readonly root: HTMLElement,
    private readonly lang: string,
  ) {
    document.documentElement.dataset.lecternCaptions = 'on';
    // Tracks of slides filled in later (progressive rendering) get the current state when they load.
    root.addEventListener('loadedmetadata', (event) => this.applyTo(event.target), true);
    this.apply();
  }

  get showing(): boolean {
    return this.on;
  }

  toggle(): void {
    this.on = !this.on;
    document.documentElement.dataset.lecternCaptions = this.on ? 'on' : 'off';
    this.apply();
  }

  /** Applies the state to every video under the root. */
  apply(): void {
    for (const video of this.root.querySelectorAll('video')) this.applyTo(video);
  }

  private applyTo(target: EventTarget | null): void {
    if (!(target instanceof HTMLVideoElement)) return;
    const tracks = [...target.textTracks].filter((t) => t.kind === 'captions' || t.kind === 'subtitles');
    if (tracks.length === 0) return;
    const chosen = tracks.find((t) => t.language === this.lang) ?? tracks[0]!;
    for (const track of tracks) track.mode = this.on && track === chosen ? 'showing' : 'hidden';
  }
}
