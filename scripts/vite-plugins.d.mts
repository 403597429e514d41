import type { Plugin } from 'vite';
export function withNav(html: string): string;
export function staticShell(): Plugin;
export function precompress(): Plugin;
export function routePreloads(): Plugin;
export function compileHints(): Plugin;
export function viewPreload(): Plugin;
