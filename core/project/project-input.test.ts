import { ValidationError } from '../shared/domain.errors';
import { parseCreateProjectInput } from './project-input';

const nameError = (name: string): string | undefined => {
  try {
    parseCreateProjectInput({ name, framework: 'express' });
    return undefined;
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return error.fieldErrors.find((f) => f.field === 'name')?.message;
  }
};

describe('project names', () => {
  it.each(['Café Ünïcode', 'Ünïcode', 'Счётчик 2', '東京 notes', 'Señor_app-2'])('accepts letters of any alphabet: %s', (name) => {
    expect(nameError(name)).toBeUndefined();
  });

  it('stores a decomposed accent the composed way', () => {
    expect(parseCreateProjectInput({ name: 'Cafe\u0301', framework: 'express' }).name).toBe('Caf\u00e9');
  });

  it.each([
    ['9 lives', 'Name must start with a letter'],
    ['-dash', 'Name must start with a letter'],
    ['Café!', "Name may contain only letters, digits, spaces, '-' and '_'"],
    ['a', 'Name must be at least 2 characters'],
  ])('refuses %s with a message that says the rule', (name, message) => {
    expect(nameError(name)).toBe(message);
  });
});
