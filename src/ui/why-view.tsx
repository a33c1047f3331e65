// The Why view: one authorized request drawn as the AWS flowchart; ← and → go to the request
// before or after.
import { useState } from 'react';
import type { AwsEvent } from '../aws/world.js';
import { Pager } from './pager.js';
import { whyLines } from './why-lines.js';

export interface WhyViewProps {
  /** The authorized requests, oldest first. */
  events: readonly AwsEvent[];
  start: number;
  height: number;
  onClose: () => void;
}

export function WhyView({ events, start, height, onClose }: WhyViewProps) {
  const [at, setAt] = useState(start);
  const event = events[at];
  if (event === undefined) {
    return (
      <Pager
        lines={[
          {
            text: 'Nothing to explain yet: no request has been authorized. Run an aws command first.',
          },
        ]}
        height={height}
        footer="Esc: back to the console"
        onClose={onClose}
      />
    );
  }
  return (
    <Pager
      // A new request starts at its top.
      key={at}
      lines={whyLines(event)}
      height={height}
      footer={`Why · request ${at + 1} of ${events.length} · ←/→ other requests · ↑/↓ scroll · Esc back`}
      onClose={onClose}
      onKey={(_input, key) => {
        if (key.leftArrow) setAt((i) => Math.max(0, i - 1));
        else if (key.rightArrow) setAt((i) => Math.min(events.length - 1, i + 1));
      }}
    />
  );
}
