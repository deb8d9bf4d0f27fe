import type { Plan } from '../blueprint';

/** What a small blueprint's plan is made of: one implement task, one test task, a review and a README. */
export interface SimplePlanInput {
  summary: string;
  /** What the implement task builds. */
  build: string;
  sourceFiles: string[];
  testFiles: string[];
  acceptance: string[];
}

/** The design → implement → test → review → docs plan every small blueprint shares. */
export function simplePlan(input: SimplePlanInput): Plan {
  const { summary, build, sourceFiles, testFiles, acceptance } = input;
  return {
    summary,
    tasks: [
      {
        id: 'design',
        title: 'Design the project',
        type: 'design',
        role: 'architect',
        description: summary,
        priority: 1,
        dependencies: [],
        files: [],
        acceptanceCriteria: ['The layout and test command are decided'],
      },
      {
        id: 'implement',
        title: 'Implement',
        type: 'implement',
        role: 'coder',
        description: build,
        priority: 2,
        dependencies: ['design'],
        files: sourceFiles,
        acceptanceCriteria: acceptance,
      },
      {
        id: 'tests',
        title: 'Write the tests',
        type: 'test',
        role: 'tester',
        description: 'Tests of the behaviour above.',
        priority: 3,
        dependencies: ['implement'],
        files: testFiles,
        acceptanceCriteria: ['The tests pass'],
      },
      {
        id: 'review',
        title: 'Review',
        type: 'review',
        role: 'reviewer',
        description: 'Read the source against the acceptance criteria.',
        priority: 4,
        dependencies: ['tests'],
        files: sourceFiles.filter((f) => !f.endsWith('.json') && !f.startsWith('.')),
        acceptanceCriteria: acceptance,
      },
      {
        id: 'readme',
        title: 'Write the README',
        type: 'docs',
        role: 'documentation',
        description: 'How to install, test and run.',
        priority: 5,
        dependencies: ['implement'],
        files: ['README.md'],
        acceptanceCriteria: ['Install, test and run are documented'],
      },
    ],
  };
}
