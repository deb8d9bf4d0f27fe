export { createRailwayTarget, type RailwayTargetOptions } from './railway.target';
