"""`alarm_quality`: live precision and recall from moderators' decisions, with honest intervals."""

import pytest

from classifier.monitoring import alarm_quality, wilson


def test_precision_and_recall_of_high_alerts_from_moderator_levels():
    pairs = [(2, 2), (3, 3), (2, 0), (2, 1), (0, 0), (0, 2), (3, 2), (1, 1)]
    q = alarm_quality(pairs)
    assert q.pairs == 8
    assert q.precision.value == pytest.approx(3 / 5)  # flagged 2,3,2,2,3: moderators agreed on 3
    assert q.recall.value == pytest.approx(3 / 4)  # moderators' level>=2: 2,3,2,2; model caught 3
    assert q.precision.low < 0.6 < q.precision.high


def test_the_interval_narrows_with_more_posts_and_stays_inside_0_1():
    small, large = wilson(9, 10), wilson(900, 1000)
    assert small[1] - small[0] > large[1] - large[0]
    assert wilson(10, 10)[1] == pytest.approx(1.0) and wilson(10, 10)[0] > 0.6
    assert wilson(0, 10)[0] == 0.0


def test_spot_checked_published_posts_count_by_their_weight():
    # 10 reviewed alarms (all right) and 20 spot-checked published posts sampled at 1 in 10, one of
    # which a moderator put at level 2: it stands for 10 missed posts.
    pairs = [(2, 2)] * 10 + [(0, 0, 10.0)] * 19 + [(0, 2, 10.0)]
    q = alarm_quality(pairs)
    assert q.recall.value == pytest.approx(10 / 20)
    assert q.recall.n < 11  # unequal weights: fewer effective posts than rows
    assert "95% interval" in str(q.recall)


def test_a_failed_classification_counts_as_flagged_and_empty_input_says_no_data():
    assert alarm_quality([(None, 3)]).recall.value == 1.0
    assert str(alarm_quality([]).precision) == "no data"
