import type { GraphiQLProps } from 'graphiql';

type TabDefinition = NonNullable<GraphiQLProps['defaultTabs']>[number];

/**
 * Example operations for partner apps, opened as tabs the first time the playground is used
 * (GraphiQL keeps the user's own tabs in localStorage afterwards). Each one runs against the demo data.
 */

// A member's full record across the three services: membership (unit, offices), IT cell (team roles) and training (camps).
const memberRecord: TabDefinition = {
  query: `# A member's full record across the three services:
# membership (unit, offices), IT cell (social-media team
# roles) and training (camp enrolments).
# filter.q also matches a name in either script or a phone
# number; member(id: ...) fetches the same by id.
query MemberRecord($membershipNumber: String!) {
  members(filter: { q: $membershipNumber }, page: { limit: 1 }) {
    total
    items {
      id
      membershipNumber
      fullName
      fullNameLatin
      gender
      status
      joinedOn
      tags
      unit {
        id
        name
        nameLatin
        level
        ancestors {
          name
          level
        }
      }
      positions {
        title
        label
        startsOn
        endsOn
        active
        unit {
          name
          level
        }
      }
      socialRoles {
        role
        since
        until
        current
        team {
          name
          status
          unit {
            name
            level
          }
        }
      }
      enrollments {
        status
        completedOn
        camp {
          venue
          startsOn
          endsOn
          status
          campaign {
            name
          }
          unit {
            name
            level
          }
        }
      }
      trainingsCompleted
    }
  }
}
`,
  variables: JSON.stringify({ membershipNumber: 'LSP-0000429' }, null, 2),
};

// A training campaign's overall progress against its targets, and camps and trainees per district.
const campaignProgress: TabDefinition = {
  query: `# Active training campaigns: progress against their
# targets, then camps held and members trained per district.
# level is one of the organisation's unit level keys:
# organizations { items { unitLevels { key label } } }
query CampaignProgressByDistrict($level: String!) {
  trainingCampaigns(filter: { statuses: [ACTIVE] }, page: { limit: 5 }) {
    total
    items {
      id
      name
      startsOn
      endsOn
      status
      unit {
        name
        level
      }
      progress {
        targetCamps
        campsPlanned
        campsHeld
        targetTrainees
        trainees
        percentCamps
        percentTrainees
      }
      progressByUnit(level: $level) {
        unit {
          name
          nameLatin
          code
        }
        campsPlanned
        campsHeld
        trainees
      }
    }
  }
}
`,
  variables: JSON.stringify({ level: 'district' }, null, 2),
};

// A district's IT-cell coverage: mandals with a team convenor and booths with a cyber warrior.
const itCoverage: TabDefinition = {
  query: `# IT-cell coverage of a district: how many of its mandals
# have a social-media team with a convenor, and how many of
# its booths have a cyber warrior.
# q matches a unit's name in either script or its code.
query UnitItCoverage($q: String!) {
  orgUnits(filter: { levels: ["district"], q: $q }, page: { limit: 5 }) {
    total
    items {
      id
      name
      nameLatin
      code
      level
      socialTeam {
        name
        status
      }
      itCoverage(level: "mandal") {
        level
        units
        unitsWithConvenor
        unitsPercent
        boothLevel
        booths
        boothsWithCyberWarrior
        boothsPercent
      }
    }
  }
}
`,
  variables: JSON.stringify({ q: 'Lucknow' }, null, 2),
};

export const exampleTabs: TabDefinition[] = [memberRecord, campaignProgress, itCoverage];

/**
 * What a new tab's headers pane holds: nothing is sent (the session's token is), but it shows how to try
 * the API as a partner app. The pane is JSON with comments; an Authorization header here replaces the sign-in.
 */
export const HEADERS_HINT = `{
  // Sent with every request of this tab. Signed in,
  // your access token is sent; an Authorization
  // header here replaces it, e.g. a partner token:
  // "Authorization": "Bearer sgp_…"
}
`;
