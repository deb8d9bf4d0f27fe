/**
 * The billing operations. Read by `npm run codegen` only: it writes each one as a typed document
 * (`BillingDocument`, …) into `../../../generated/billing.ts`, which the code imports.
 */
import { gql } from 'apollo-angular';

gql`
  fragment BillingPlan on BillingPlan {
    id
    tier
    interval
    priceInr
    priceUsd
    label
    blurb
  }

  fragment TierLimits on TierLimitsView {
    tier
    label
    messagesPerHour
    messagesPerDay
    concurrentAgentRuns
    concurrentRooms
    projects
    sandboxes
    apps
    maxRoomCapacity
  }

  fragment BillingCustomer on BillingCustomer {
    name
    email
    gstin
    country
    stateCode
    address
  }

  fragment BillingSubscription on BillingSubscription {
    id
    planId
    tier
    interval
    currency
    amount
    status
    grantsTier
    currentStart
    currentEnd
    chargeAt
    cancelAtCycleEnd
    scheduledPlanId
    dunning {
      since
      attempts
      nextRetryAt
      payUrl
      amountDue
      downgraded
    }
    manageUrl
    createdAt
  }

  fragment Invoice on Invoice {
    id
    kind
    number
    issuedAt
    description
    currency
    taxKind
    placeOfSupply
    taxableValue
    cgst
    sgst
    igst
    total
    pdfUrl
  }

  fragment BillingAccount on BillingAccount {
    enabled
    howToEnable
    subscriberKind
    subscriberId
    tier
    limits {
      ...TierLimits
    }
    canManage
    currency
    customer {
      ...BillingCustomer
    }
    subscription {
      ...BillingSubscription
    }
    comp {
      tier
      until
      reason
    }
    invoices(limit: 50) {
      ...Invoice
    }
  }

  fragment CheckoutSession on CheckoutSession {
    keyId
    checkoutUrl
    orderId
    subscriptionId
    amount
    currency
    name
    description
    prefillName
    prefillEmail
  }

  query BillingCatalog {
    billingPlans {
      ...BillingPlan
    }
    tierLimits {
      ...TierLimits
    }
  }

  query Billing($teamId: ID) {
    billing(teamId: $teamId) {
      ...BillingAccount
    }
  }

  query BillingTeams {
    teams {
      id
      name
      viewerRole
    }
  }

  mutation SaveBillingDetails($teamId: ID, $input: BillingDetailsInput!) {
    saveBillingDetails(teamId: $teamId, input: $input) {
      ...BillingCustomer
    }
  }

  mutation Subscribe($teamId: ID, $planId: ID!) {
    subscribe(teamId: $teamId, planId: $planId) {
      ...CheckoutSession
    }
  }

  mutation VerifyPayment($teamId: ID, $input: VerifyPaymentInput!) {
    verifyPayment(teamId: $teamId, input: $input) {
      ...BillingAccount
    }
  }

  mutation ChangePlan($teamId: ID, $planId: ID!) {
    changePlan(teamId: $teamId, planId: $planId) {
      kind
      prorationAmount
      effectiveAt
      checkout {
        ...CheckoutSession
      }
    }
  }

  mutation CancelSubscription($teamId: ID, $atCycleEnd: Boolean!) {
    cancelSubscription(teamId: $teamId, atCycleEnd: $atCycleEnd) {
      ...BillingAccount
    }
  }

  mutation PauseSubscription($teamId: ID) {
    pauseSubscription(teamId: $teamId) {
      ...BillingAccount
    }
  }

  mutation ResumeSubscription($teamId: ID) {
    resumeSubscription(teamId: $teamId) {
      ...BillingAccount
    }
  }

  query AdminSubscriptions($status: String, $limit: Int) {
    adminSubscriptions(status: $status, limit: $limit) {
      subscriberKind
      subscriberId
      subscriberName
      tier
      subscription {
        ...BillingSubscription
      }
    }
  }

  mutation CompTier(
    $subscriberKind: String!
    $subscriberId: ID!
    $tier: String
    $until: DateTime
    $reason: String!
  ) {
    compTier(
      subscriberKind: $subscriberKind
      subscriberId: $subscriberId
      tier: $tier
      until: $until
      reason: $reason
    ) {
      tier
      until
      reason
    }
  }
`;
