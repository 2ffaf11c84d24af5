// Connects a lit component to a SessionsModel: subscribes while the component is connected and
// re-renders it on every change (lit's reactive controllers; docs/architecture.md).
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SessionsModel } from './sessions-model.ts';

export class SessionsController implements ReactiveController {
  private unsubscribe: (() => void) | undefined;
  private model: SessionsModel | undefined;

  constructor(private readonly host: ReactiveControllerHost) {
    host.addController(this);
  }

  /** Switches to another model (the component's `model` property changed). */
  attach(model: SessionsModel | undefined): void {
    if (model === this.model) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.model = model;
    if (model && this.connected) this.unsubscribe = model.subscribe(() => this.host.requestUpdate());
  }

  private connected = false;

  hostConnected(): void {
    this.connected = true;
    if (this.model && !this.unsubscribe) this.unsubscribe = this.model.subscribe(() => this.host.requestUpdate());
  }

  hostDisconnected(): void {
    this.connected = false;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
  }
}
