// src/domain/episode.cpp — the episode state machine of a partnership.
#include "cp/domain/episode.hpp"

#include <array>
#include <fmt/format.h>

namespace cp::domain {
namespace {
constexpr std::array<std::pair<EpisodeState, std::string_view>, 5> kStates{{
    {EpisodeState::open, "open"},
    {EpisodeState::paused, "paused"},
    {EpisodeState::re_entered, "re_entered"},
    {EpisodeState::moved_on, "moved_on"},
    {EpisodeState::transferred, "transferred"},
}};
constexpr std::array<std::pair<EpisodeAction, std::string_view>, 5> kActions{{
    {EpisodeAction::open, "open"},
    {EpisodeAction::pause, "pause"},
    {EpisodeAction::re_enter, "re_enter"},
    {EpisodeAction::move_on, "move_on"},
    {EpisodeAction::transfer, "transfer"},
}};
}  // namespace

std::string_view to_string(EpisodeState s) noexcept {
  for (auto& [k, v] : kStates)
    if (k == s) return v;
  return "unknown";
}
std::string_view to_string(EpisodeAction a) noexcept {
  for (auto& [k, v] : kActions)
    if (k == a) return v;
  return "unknown";
}
std::optional<EpisodeState> episode_state_from_string(std::string_view s) noexcept {
  for (auto& [k, v] : kStates)
    if (v == s) return k;
  return std::nullopt;
}
std::optional<EpisodeAction> episode_action_from_string(std::string_view s) noexcept {
  for (auto& [k, v] : kActions)
    if (v == s) return k;
  return std::nullopt;
}

bool is_active(EpisodeState s) noexcept {
  return s == EpisodeState::open || s == EpisodeState::re_entered ||
         s == EpisodeState::transferred;
}

Result<EpisodeState> next_episode_state(std::optional<EpisodeState> current,
                                        EpisodeAction action) {
  auto refuse = [&](std::string why) -> Result<EpisodeState> {
    return Error::invalid("invalid_episode_change",
                          fmt::format("cannot {} a partnership that is {}: {}", to_string(action),
                                      current ? to_string(*current) : "not started", why),
                          "action");
  };
  if (!current) {
    if (action == EpisodeAction::open) return EpisodeState::open;
    return refuse("a partnership starts with 'open'");
  }
  const EpisodeState s = *current;
  switch (action) {
    case EpisodeAction::open:
      return refuse("it has already started; use 're_enter' to come back");
    case EpisodeAction::pause:
      if (is_active(s)) return EpisodeState::paused;
      return refuse("only an active partnership can be paused");
    case EpisodeAction::re_enter:
      if (s == EpisodeState::paused || s == EpisodeState::moved_on)
        return EpisodeState::re_entered;
      return refuse("only a paused or moved-on partnership can be re-entered");
    case EpisodeAction::move_on:
      if (is_active(s) || s == EpisodeState::paused) return EpisodeState::moved_on;
      return refuse("it has already moved on");
    case EpisodeAction::transfer:
      if (is_active(s)) return EpisodeState::transferred;
      return refuse("only an active partnership can be transferred");
  }
  return refuse("unknown action");
}

}  // namespace cp::domain
