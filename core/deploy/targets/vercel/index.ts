export { createVercelTarget, VERCEL_META_KEY, type VercelTargetOptions } from './vercel.target';
