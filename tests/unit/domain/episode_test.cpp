// tests/unit/domain/episode_test.cpp — the episode state machine (issue 2: episodes; seed 002:
// free to leave and re-enter, move on, transfer).
#include <gtest/gtest.h>

#include "cp/domain/episode.hpp"

using namespace cp::domain;

namespace {
struct Case {
  std::optional<EpisodeState> from;
  EpisodeAction action;
  std::optional<EpisodeState> to;  // nullopt: refused
};
}  // namespace

TEST(EpisodeStateMachine, EveryTransitionFollowsTheModel) {
  const std::vector<Case> cases = {
      {std::nullopt, EpisodeAction::open, EpisodeState::open},
      {std::nullopt, EpisodeAction::pause, std::nullopt},
      {EpisodeState::open, EpisodeAction::open, std::nullopt},
      {EpisodeState::open, EpisodeAction::pause, EpisodeState::paused},
      {EpisodeState::open, EpisodeAction::move_on, EpisodeState::moved_on},
      {EpisodeState::open, EpisodeAction::transfer, EpisodeState::transferred},
      {EpisodeState::open, EpisodeAction::re_enter, std::nullopt},
      {EpisodeState::paused, EpisodeAction::re_enter, EpisodeState::re_entered},
      {EpisodeState::paused, EpisodeAction::pause, std::nullopt},
      {EpisodeState::paused, EpisodeAction::move_on, EpisodeState::moved_on},
      {EpisodeState::paused, EpisodeAction::transfer, std::nullopt},
      {EpisodeState::moved_on, EpisodeAction::re_enter, EpisodeState::re_entered},
      {EpisodeState::moved_on, EpisodeAction::pause, std::nullopt},
      {EpisodeState::moved_on, EpisodeAction::move_on, std::nullopt},
      {EpisodeState::re_entered, EpisodeAction::pause, EpisodeState::paused},
      {EpisodeState::transferred, EpisodeAction::transfer, EpisodeState::transferred},
      {EpisodeState::transferred, EpisodeAction::move_on, EpisodeState::moved_on},
  };
  for (const auto& c : cases) {
    auto r = next_episode_state(c.from, c.action);
    SCOPED_TRACE(std::string(c.from ? to_string(*c.from) : "none") + " + " + std::string(to_string(c.action)));
    if (c.to) {
      ASSERT_TRUE(r.ok()) << r.error().message;
      EXPECT_EQ(*r, *c.to);
    } else {
      ASSERT_FALSE(r.ok());
      EXPECT_EQ(r.error().field, "action");
      EXPECT_EQ(r.error().kind, cp::ErrorKind::invalid_input);
    }
  }
}

TEST(EpisodeStateMachine, NamesRoundTrip) {
  for (auto s : {EpisodeState::open, EpisodeState::paused, EpisodeState::re_entered, EpisodeState::moved_on,
                 EpisodeState::transferred})
    EXPECT_EQ(episode_state_from_string(to_string(s)), s);
  for (auto a : {EpisodeAction::open, EpisodeAction::pause, EpisodeAction::re_enter, EpisodeAction::move_on,
                 EpisodeAction::transfer})
    EXPECT_EQ(episode_action_from_string(to_string(a)), a);
  EXPECT_FALSE(episode_action_from_string("close").has_value());
}

TEST(EpisodeStateMachine, ActiveStates) {
  EXPECT_TRUE(is_active(EpisodeState::open));
  EXPECT_TRUE(is_active(EpisodeState::re_entered));
  EXPECT_TRUE(is_active(EpisodeState::transferred));
  EXPECT_FALSE(is_active(EpisodeState::paused));
  EXPECT_FALSE(is_active(EpisodeState::moved_on));
}
