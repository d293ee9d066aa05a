/** A view's title. Focused when the view opens, so keyboard and screen-reader users land on it. */
import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';

interface ViewHeaderProps {
  title: string;
  subtitle?: ReactNode;
  children?: ReactNode;
  /** A right-click on the header (the device page opens its device's menu there). */
  onContextMenu?: (event: MouseEvent<HTMLElement>) => void;
}

export function ViewHeader({ title, subtitle, children, onContextMenu }: ViewHeaderProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <header className="view-header" onContextMenu={onContextMenu}>
      <div>
        <h1 ref={heading} tabIndex={-1}>
          {title}
        </h1>
        {subtitle && <p className="view-subtitle">{subtitle}</p>}
      </div>
      {children && <div className="view-header-actions">{children}</div>}
    </header>
  );
}
