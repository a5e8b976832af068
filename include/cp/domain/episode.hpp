// include/cp/domain/episode.hpp — episodes of a partnership: the person is free to leave and
// re-enter the intervention at any stage, to move on, or to be transferred to another worker
// (seed 002, "The service user's process"). Pure rules; the store keeps the history.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "cp/domain/result.hpp"

namespace cp::domain {

// The state a partnership is in, as of its latest episode.
enum class EpisodeState { open, paused, re_entered, moved_on, transferred };
// What a worker (or team leader) records.
enum class EpisodeAction { open, pause, re_enter, move_on, transfer };

std::string_view to_string(EpisodeState s) noexcept;
std::string_view to_string(EpisodeAction a) noexcept;
std::optional<EpisodeState> episode_state_from_string(std::string_view s) noexcept;
std::optional<EpisodeAction> episode_action_from_string(std::string_view s) noexcept;

// True when the partnership is active (worker and person working together).
bool is_active(EpisodeState s) noexcept;

// The state after `action`, or an invalid_input error saying why the change is not possible.
// `current` is empty for a partnership with no episode yet (only `open` is allowed then).
// Rules: open only starts a partnership; pause from an active state; re_enter from paused or
// moved_on (the person may come back at a different stage); move_on from any active or paused
// state; transfer from an active state (the new worker continues: state becomes transferred,
// which is active). A moved-on partnership can only re-enter.
Result<EpisodeState> next_episode_state(std::optional<EpisodeState> current, EpisodeAction action);

}  // namespace cp::domain
