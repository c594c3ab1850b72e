import { useCallback, useRef } from 'react';
import { AgentPanel } from './agent/AgentPanel.js';
import { ActivityFeed } from './components/ActivityFeed.js';
import { Board, type BoardHandle } from './components/Board.js';
import { Header } from './components/Header.js';
import { useRoom } from './sync/RoomContext.js';
import './styles/layout.css';

/** Header on top; the board in the middle; agents and activity in the side column. */
export function App() {
  const room = useRoom();
  const board = useRef<BoardHandle>(null);
  const showItem = useCallback((itemId: string) => {
    board.current?.scrollToItem(itemId);
  }, []);
  return (
    <div className="app">
      <Header />
      <main className="workspace">
        <Board ref={board} />
        <aside className="side" aria-label="Agents and activity">
          <div className="side__agents">
            <AgentPanel room={room.name} userId={room.userId} token={room.token} onItemClick={showItem} />
          </div>
          <div className="side__activity">
            <ActivityFeed onItemClick={showItem} />
          </div>
        </aside>
      </main>
    </div>
  );
}
