/** Last line of defence: a rendering bug shows a sentence, not a white window. */
import { Component, type ReactNode } from 'react';

interface Props {
  message: string;
  children: ReactNode;
}

export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error('Vigie renderer error', error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <div role="alert" className="alert">
        <p>{this.props.message}</p>
      </div>
    );
  }
}
