/** The settings page's shapes (generated from `../services/project-admin.documents.ts`) and its rules. */
import type { ProjectSettingsFragment } from '../../../generated/project-admin';
import { validateProjectForm, EMPTY_PROJECT_FORM } from './project-form';

export type ProjectSettings = ProjectSettingsFragment;

/** The project with the number of its live sandboxes. */
export interface ProjectSettingsView {
  readonly project: ProjectSettings;
  readonly sandboxes: number;
}

/** Router state the project list reads to say which project was just deleted. */
export interface DeletedProjectState {
  readonly deletedProject: string;
}

/** The name rule of the create form (the server's); uniqueness only the server knows. */
export function nameError(name: string): string | null {
  return validateProjectForm({ ...EMPTY_PROJECT_FORM, name, framework: 'any' }, []).name ?? null;
}

/** Whether the latest run is still going: archiving waits for it, deleting stops it. */
export function buildInProgress(project: ProjectSettings): boolean {
  const status = project.latestRun?.status;
  return status === 'QUEUED' || status === 'RUNNING';
}

/** What deleting the project stops and removes, in words for the danger zone. */
export function deletionEffects(view: ProjectSettingsView): string[] {
  const { project, sandboxes } = view;
  const files = project.files.length;
  return [
    ...(buildInProgress(project) ? ['The build in progress is stopped.'] : []),
    ...(sandboxes
      ? [`${sandboxes === 1 ? 'Its sandbox is' : `Its ${sandboxes} sandboxes are`} destroyed.`]
      : []),
    'Anyone editing it is disconnected, and its live editing room is deleted.',
    `${files === 1 ? 'Its file' : `All ${files} files`}, their history, and every run are deleted.`,
  ];
}
