// Catches the canvas failing to start (no WebGL, or a context that cannot be created) and hands it to the
// viewer, which then shows its text-alternative fallback. This replaces probing with a throwaway context
// before mounting: under SwiftShader that probe alone cost ~360 ms of main thread before the first frame,
// and the canvas then created a second context anyway.
import { Component, type ReactNode } from 'react';

export interface WebGLBoundaryProps {
  onError: (error: unknown) => void;
  children: ReactNode;
}

export class WebGLBoundary extends Component<WebGLBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError(error);
  }

  override render(): ReactNode {
    return this.state.failed ? null : this.props.children;
  }
}
