import type { CSSProperties } from 'react';
import type { Peer } from '../sync/presence-store.js';
import { usePresence } from '../sync/usePresence.js';
import { RobotIcon } from './RobotIcon.js';
import './header.css';

function initials(name: string): string {
  const parts = name.split(/[\s_-]+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0]![0]! + parts[1]![0]! : name.slice(0, 2);
  return letters.toUpperCase();
}

function PeerChip({ peer }: { peer: Peer }) {
  const agent = peer.kind === 'agent';
  const label = `${peer.name}${peer.isSelf ? ' (you)' : ''}${agent ? ' · agent' : ''}`;
  return (
    <li
      className={`peer${agent ? ' peer--agent' : ''}${peer.isSelf ? ' peer--self' : ''}`}
      data-kind={peer.kind}
      data-self={peer.isSelf ? 'true' : undefined}
      title={peer.status ? `${label}: ${peer.status}` : label}
      style={{ '--peer-color': peer.color } as CSSProperties}
    >
      <span className="peer__avatar" aria-hidden="true">
        {agent ? <RobotIcon size={16} /> : initials(peer.name)}
      </span>
      <span className="peer__text">
        <span className="peer__name">
          {peer.name}
          {peer.isSelf ? <span className="peer__you"> (you)</span> : null}
        </span>
        {agent && peer.status ? <span className="peer__status">{peer.status}</span> : null}
      </span>
    </li>
  );
}

/** Everyone in the room, one child per peer (yourself included), agents with a robot badge and status. */
export function PresenceBar() {
  const { peers } = usePresence();
  return (
    <ul className="presence" data-testid="presence" aria-label={`${peers.length} present`}>
      {peers.map((peer) => (
        <PeerChip key={peer.clientId} peer={peer} />
      ))}
    </ul>
  );
}
