// Classroom tools on the projected page, none needing the network: a white screen (W; the
// blackout is reveal.js's own B/.) and a laser pointer (X) that follows the mouse or touch.
export class ClassroomTools {
  private readonly white: HTMLElement;
  private readonly laser: HTMLElement;
  private laserOn = false;

  constructor(private readonly host: HTMLElement) {
    this.white = document.createElement('div');
    this.white.className = 'lectern-white-screen';
    this.white.hidden = true;
    this.white.addEventListener('click', () => this.toggleWhite(false));
    this.laser = document.createElement('div');
    this.laser.className = 'lectern-laser';
    this.laser.hidden = true;
    host.append(this.white, this.laser);
    document.addEventListener('pointermove', this.handleMove, { passive: true });
  }

  get whiteOn(): boolean {
    return !this.white.hidden;
  }

  get laserActive(): boolean {
    return this.laserOn;
  }

  toggleWhite(force?: boolean): void {
    this.white.hidden = !(force ?? this.white.hidden);
    document.documentElement.classList.toggle('lectern-white', !this.white.hidden);
  }

  toggleLaser(force?: boolean): void {
    this.laserOn = force ?? !this.laserOn;
    document.documentElement.classList.toggle('lectern-laser-on', this.laserOn);
    if (!this.laserOn) this.laser.hidden = true;
  }

  private handleMove = (event: PointerEvent): void => {
    if (!this.laserOn) return;
    this.laser.hidden = false;
    this.laser.style.transform = `translate(${event.clientX}px, ${event.clientY}px)`;
  };

  destroy(): void {
    document.removeEventListener('pointermove', this.handleMove);
    this.white.remove();
    this.laser.remove();
  }
}
