// What a placement (an application's "place" step) and a separation (a spell's "separate" step)
// do beyond their own record, inside that step's transaction: a placement opens the person's
// employment spell (employer, place, start, wage, source "placement", the application named) and
// marks the seeker employed; a separation puts the seeker back among those looking for work.
#pragma once

#include "domain/ledger/workflow.h"

namespace shanhai::labor {

// The effect of the applications' "place" step on `after` (the placed application): creates
// the spell, refused as a spell's write would be (Invalid naming the overlapping spell, by the
// same field keys the application uses: start_date, place_region …), and moves the seeker to
// "employed" (audited as the seekers' "employ" step). Errors roll the whole step back.
Status CreatePlacementSpell(TransitionContext& context, const Record& before, const Record& after);

// The effect of the spells' "separate" step on `after`: the seeker back to "seeking" (its
// confirmed date kept, or today when it has none), audited as the seekers' "separate" action.
Status ReturnSeekerToPool(TransitionContext& context, const Record& before, const Record& after);

}  // namespace shanhai::labor
