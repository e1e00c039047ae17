import type { Attachment } from 'svelte/attachments';
import { readTimelineTheme } from '../theme/read-timeline-theme';
import type { TimelineTheme } from '../theme/timeline-theme';

/** Reads the timeline colours at the element now and whenever the colour scheme or the page theme changes. */
export function themeWatcher(onTheme: (theme: TimelineTheme) => void): Attachment<HTMLElement> {
  return (node) => {
    const update = () => onTheme(readTimelineTheme(node));
    update();
    const scheme = matchMedia('(prefers-color-scheme: dark)');
    scheme.addEventListener('change', update);
    // An app may switch themes with a class or attribute on <html> rather than the system setting.
    const observer = new MutationObserver(update);
    observer.observe(document.documentElement, { attributes: true, attributeFilter: ['class', 'style', 'data-theme'] });
    return () => {
      scheme.removeEventListener('change', update);
      observer.disconnect();
    };
  };
}

/** Reports the element's content width and the device pixel ratio whenever the element is resized. */
export function widthObserver(onWidth: (widthPx: number, pixelRatio: number) => void): Attachment<HTMLElement> {
  return (node) => {
    const observer = new ResizeObserver(([entry]) => onWidth(entry?.contentRect.width ?? 0, window.devicePixelRatio || 1));
    observer.observe(node);
    return () => observer.disconnect();
  };
}

/**
 * Hands wheel events to `onWheel` with the pointer's x on the element, and keeps the page from scrolling.
 * Svelte registers `onwheel` as passive, which cannot prevent scrolling: hence this listener.
 */
export function wheelListener(onWheel: (event: WheelEvent, xPx: number) => void): Attachment<HTMLElement> {
  return (node) => {
    const listener = (event: WheelEvent) => {
      event.preventDefault();
      onWheel(event, event.clientX - node.getBoundingClientRect().left);
    };
    node.addEventListener('wheel', listener, { passive: false });
    return () => node.removeEventListener('wheel', listener);
  };
}
