/**
 * The auth operations. Read by `npm run codegen` only: it writes each one as a typed document
 * (`AuthStateDocument`, …) with its types into `../../generated/auth.ts`, which the code imports.
 */
import { gql } from 'apollo-angular';

gql`
  fragment Viewer on User {
    id
    email
    displayName
    platformRole
    tier
    emailVerified
    themeId
  }

  query AuthState {
    authState {
      accountsExist
      oauthProviders
      viewer {
        ...Viewer
      }
    }
  }

  mutation SignUp($input: SignUpInput!) {
    signUp(input: $input) {
      ...Viewer
    }
  }

  mutation LogIn($input: LogInInput!) {
    logIn(input: $input) {
      ...Viewer
    }
  }

  mutation LogOut {
    logOut
  }

  mutation LogOutEverywhere {
    logOutEverywhere
  }
`;
