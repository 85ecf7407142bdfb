// Plans used by the CLI tests, written out in full so that the tests do not depend
// on plans/ (which changes independently). Each is valid per docs/format.md unless
// its name says otherwise. Line numbers quoted in the tests refer to these texts.

/// Four actions in two sections, default status key (R, A, G). With today pinned to
/// 2026-03-01: 1.1a (amber, due 2026-02-28) and 2.1a (red, due 15 January 2026) are
/// overdue; 1.1b is green (set on 2026-02-01) so not overdue; 2.1b has no due date
/// and was added on 2026-01-20.
let samplePlan = """
    # Test plan: recording children's views
    - Period: September 2025 – December 2026
    - As at: 2026-01-14

    ## 1 Hearing children

    ### 1.1 Recording what children tell us
    - Needs to improve: Practitioners record what children say.

    - [A] 1.1a Publish guidance on recording children's views.
      - Owner: Voice of the child group
      - Due: 2026-02-28
      - Note 2026-01-14 (Sam Patel): The first draft went to the task group.
      - Status 2025-11-03 (Sam Patel): R -> A

    - [G] 1.1b Train practitioners in recording children's words.
      - Owner: Training team; Sam Patel
      - Due: 28/02/2026
      - Status 2026-02-01 (Sam Patel): A -> G

    ## 2 Keeping children in view

    ### 2.1 Children not brought to appointments
    - Needs to improve: Services follow up when a child is not brought.

    - [R] 2.1a Publish a "was not brought" guide.
      - Owner: Designated Nurse
      - Due: 15 January 2026
      - Status 2026-01-10 (Helen Okafor): A -> R

    - [A] 2.1b Share school absence data with health visitors.
      - Owner: Education Safeguarding Lead
      - Due: To be agreed
      - Added 2026-01-20

    """

/// A plan with its own status key (N, A, G, B with the plan's own labels).
let customKeyPlan = """
    # Custom key plan
    - As at: 2026-02-01
    - Status N (Not yet started): Work has not begun
    - Status A (On track): In progress and on track
    - Status G (Done): Completed
    - Status B (Embedded): Complete and impact evidenced

    ## 1 Only section

    ### 1.1 Only area
    - [N] 1.1a Start the work.
      - Owner: Board
      - Due: 2026-06-30

    - [G] 1.1b Finish the work.
      - Owner: Board
      - Due: 2026-01-31
      - Status 2026-01-30 (Board): A -> G

    """

/// Valid, but action 1.1a has no owner: one warning at 6:1.
let warningPlan = """
    # Plan with a warning

    ## 1 Section

    ### 1.1 Area
    - [A] 1.1a An action nobody owns.
      - Due: 2026-01-01

    """

/// Four errors, at 5:1 (action outside any area), 12:10 (2023-02-30), 14:4 (unknown
/// status X) and 18:7 (duplicate ref 1.1a); no warnings.
let brokenPlan = """
    # Broken plan

    ## 1 Section

    - [A] 0.1 An action outside any area.
      - Owner: X
      - Due: 2026-01-01

    ### 1.1 Area
    - [A] 1.1a First.
      - Owner: X
      - Due: 2023-02-30

    - [X] 1.1b Unknown status.
      - Owner: X
      - Due: 2026-01-01

    - [A] 1.1a Duplicate.
      - Owner: X
      - Due: 2026-01-01

    """
