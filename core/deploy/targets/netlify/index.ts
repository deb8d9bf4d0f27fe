export { createNetlifyTarget, netlifyDeployTitle, type NetlifyTargetOptions } from './netlify.target';
