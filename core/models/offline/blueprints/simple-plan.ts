import type { Plan, PlanTask } from '../blueprint';

/** What a small blueprint's plan is made of: one implement task, one test task, a suite check, a review, a README. */
export interface SimplePlanInput {
  summary: string;
  /** What the implement task builds. */
  build: string;
  sourceFiles: string[];
  testFiles: string[];
  acceptance: string[];
  /** Container files devops writes (and then checks with the blueprint's deployCheck); no deploy task without. */
  deployFiles?: string[];
}

/** The design → implement → test → (deploy) → debug → review plan, plus docs, that every small blueprint shares. */
export function simplePlan(input: SimplePlanInput): Plan {
  const { summary, build, sourceFiles, testFiles, acceptance, deployFiles } = input;
  const task = (t: Omit<PlanTask, 'acceptanceCriteria'> & { acceptanceCriteria?: string[] }): PlanTask => ({
    acceptanceCriteria: acceptance,
    ...t,
  });
  const deploy: PlanTask[] = deployFiles
    ? [
        task({
          id: 'deploy',
          title: 'Container image',
          type: 'deploy',
          role: 'devops',
          description: 'A Dockerfile and .dockerignore for the project, and a check that it starts from what was built.',
          priority: 4,
          dependencies: ['tests'],
          files: deployFiles,
          acceptanceCriteria: ['The image runs the app', 'Tests stay out of the image'],
        }),
      ]
    : [];
  return {
    summary,
    tasks: [
      task({
        id: 'design',
        title: 'Design the project',
        type: 'design',
        role: 'architect',
        description: summary,
        priority: 1,
        dependencies: [],
        files: [],
        acceptanceCriteria: ['The layout and test command are decided'],
      }),
      task({
        id: 'implement',
        title: 'Implement',
        type: 'implement',
        role: 'coder',
        description: build,
        priority: 2,
        dependencies: ['design'],
        files: sourceFiles,
      }),
      task({
        id: 'tests',
        title: 'Write the tests',
        type: 'test',
        role: 'tester',
        description: 'Tests of the behaviour above.',
        priority: 3,
        dependencies: ['implement'],
        files: testFiles,
        acceptanceCriteria: ['The tests pass'],
      }),
      ...deploy,
      task({
        id: 'suite-check',
        title: 'Run the whole suite; fix anything failing',
        type: 'debug',
        role: 'debugger',
        description: 'Run every test after all changes; restore whatever breaks them.',
        priority: 4,
        dependencies: ['tests'],
        files: [...sourceFiles, ...testFiles],
        acceptanceCriteria: ['The tests pass'],
      }),
      task({
        id: 'review',
        title: 'Review',
        type: 'review',
        role: 'reviewer',
        description: 'Read the source against the acceptance criteria.',
        priority: 5,
        dependencies: ['suite-check'],
        files: sourceFiles.filter((f) => !f.endsWith('.json') && !f.startsWith('.')),
      }),
      task({
        id: 'readme',
        title: 'Write the README',
        type: 'docs',
        role: 'documentation',
        description: 'How to install, test and run.',
        priority: 5,
        dependencies: ['implement'],
        files: ['README.md'],
        acceptanceCriteria: ['Install, test and run are documented'],
      }),
    ],
  };
}
