/**
 * Saving the viewer's own theme. Read by `npm run codegen` only: it writes the typed document
 * (`SetThemeDocument`) into `../../generated/theme.ts`. The saved theme comes with the viewer
 * (`themeId` in `../auth/auth.documents.ts`), so loading it costs no query of its own.
 */
import { gql } from 'apollo-angular';

gql`
  mutation SetTheme($themeId: ID!) {
    setTheme(themeId: $themeId) {
      id
      themeId
    }
  }
`;
