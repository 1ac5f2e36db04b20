// Tisserand's mark: two warp threads and two weft threads, woven over and under.
export function Logo({ size = 28 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 32 32" aria-hidden="true" className="logo">
      <rect width="32" height="32" rx="8" className="logo__bg" />
      <g fill="none" strokeWidth="3" strokeLinecap="round">
        <path d="M7 12H25M7 20H25" className="logo__weft" />
        <path d="M12 7V25M20 7V25" className="logo__warp" />
        <path d="M16.5 12H23.5M8.5 20H15.5" className="logo__gap" strokeWidth="7" strokeLinecap="butt" />
        <path d="M16 12H24M8 20H16" className="logo__weft" strokeLinecap="butt" />
      </g>
    </svg>
  );
}
