export { createGithubTarget, type GithubTargetOptions } from './github.target';
export { GithubExporter, deploymentTrailer, exportMarker, type GithubExporterOptions, type GithubRepo } from './github-exporter';
