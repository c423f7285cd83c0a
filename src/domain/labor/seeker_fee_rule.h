// The one rule on what a job may ask of a seeker before work (《就业服务与就业管理规定》 forbids an
// employer or agency to charge a job seeker fees or take a deposit): a job whose text asks the seeker
// for a deposit (押金、保证金), a registration, agency or introduction fee, or to pay for the health
// check, uniform or training is refused. A phrase ruling the charge out ("无押金", "不收取报名费",
// "体检费由公司承担") is no charge. Pure; thread-safe.
#pragma once

#include <string>
#include <string_view>

namespace shanhai::labor {

// The charge text asks of the seeker, as the words found ("押金", "体检费自理"), or "" when none.
std::string SeekerChargeIn(std::string_view text);

}  // namespace shanhai::labor
