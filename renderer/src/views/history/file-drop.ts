/**
 * Files dragged from the desktop onto the Saved scans screen. Only a drag
 * that carries files is taken (text or a link dragged within the page is left
 * alone), and the drop is always handled here: dropped on a window, a file
 * would otherwise be opened in it.
 */
import { useRef, useState, type DragEvent } from 'react';

export interface FileDrop {
  /** Files are being dragged over the area: show where they would go. */
  dragging: boolean;
  handlers: {
    onDragEnter(event: DragEvent): void;
    onDragOver(event: DragEvent): void;
    onDragLeave(event: DragEvent): void;
    onDrop(event: DragEvent): void;
  };
}

const carriesFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

export function useFileDrop(onFiles: (files: File[]) => void): FileDrop {
  const [dragging, setDragging] = useState(false);
  // dragenter and dragleave fire for every child crossed: count them, so the area stays lit until the drag really leaves.
  const depth = useRef(0);
  const accept = (event: DragEvent) => {
    if (!carriesFiles(event)) return false;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
    return true;
  };
  return {
    dragging,
    handlers: {
      onDragEnter(event) {
        if (!accept(event)) return;
        depth.current += 1;
        setDragging(true);
      },
      onDragOver(event) {
        accept(event);
      },
      onDragLeave(event) {
        if (!carriesFiles(event)) return;
        depth.current = Math.max(0, depth.current - 1);
        if (depth.current === 0) setDragging(false);
      },
      onDrop(event) {
        if (!accept(event)) return;
        depth.current = 0;
        setDragging(false);
        const files = Array.from(event.dataTransfer.files);
        if (files.length) onFiles(files);
      },
    },
  };
}
