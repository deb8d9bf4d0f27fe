export { createRenderTarget, type RenderTargetOptions } from './render.target';
