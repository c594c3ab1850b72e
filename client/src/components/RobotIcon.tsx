/**
 * The agent badge. An inline SVG rather than the 🤖 emoji: many Linux desktops
 * have no colour-emoji font and would show an empty box.
 */
export function RobotIcon({ size = 14, title }: { size?: number; title?: string }) {
  return (
    <svg
      className="robot-icon"
      width={size}
      height={size}
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      role={title ? 'img' : undefined}
      aria-label={title}
      aria-hidden={title ? undefined : true}
    >
      <rect x="4" y="8" width="16" height="12" rx="3" />
      <path d="M12 4v4M9 13h.01M15 13h.01M9.5 17h5M2 13v3M22 13v3" />
    </svg>
  );
}
