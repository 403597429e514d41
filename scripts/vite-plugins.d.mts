import type { Plugin } from 'vite';
export function precompress(): Plugin;
export function routePreloads(): Plugin;
export function compileHints(): Plugin;
export function viewPreload(): Plugin;
