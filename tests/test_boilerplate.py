"""Page furniture is recognised as whole lines; story sentences that merely mention it are not."""

from __future__ import annotations

import pytest

from natodiff.boilerplate import is_boilerplate

FURNITURE = [
    "READ MORE: Swedish PM says ready to meet Hungarian PM on NATO bid",
    "ALSO READ: NATO chief warns of long war",
    "Advertisement",
    "Story continues below advertisement",
    "Share this article",
    "Facebook",
    "WhatsApp",
    "Sign up for our newsletter",
    "© 2024 Reuters",
    "Copyright 2024 The Associated Press. All rights reserved.",
    "Reporting by Andrew Gray; Editing by Alex Richardson",
    "Our Standards: The Thomson Reuters Trust Principles.",
    "Related Coverage",
    "Skip to main content",
    "Getty Images",
    "Photo: John Thys/AFP via Getty Images",
    "FILE PHOTO: NATO flags flutter in Brussels, Feb 14, 2024. REUTERS/Yves Herman/File Photo",
    "5 min read",
    "Listen to this article",
    "Continue reading",
    "Loading...",
    "Last updated: 15 Feb. 2024 17:48",
    "February 15, 2024 at 5:48 p.m. EST",
    "Posted: Feb 15, 2024 / 05:48 PM EST",
    "By LORNE COOK and SAMYA KULLAB",
    "BRUSSELS (AP) —",
    "(Reuters) -",
    "Jens Stoltenberg, NATO Secretary General",
    "Topics: NATO, Ukraine, Defence",
]

STORY = [
    "Twitter said it would comply with the ruling.",
    "Recommended measures include more air defence for the eastern flank.",
    "Read more about the plan in the annex, the ministry said.",
    "BRUSSELS (AP) — NATO allies agreed on Thursday to boost ammunition production.",
    "Getty Images photographers were kept out of the summit hall.",
    "Stoltenberg (NATO) said allies must spend more.",
    "Defence ministers met on Thursday (15 February 2024) in Brussels.",
    "The Secretary General made clear that there is a need to shift to high tempo production.",
]


@pytest.mark.parametrize("line", FURNITURE)
def test_furniture(line: str) -> None:
    assert is_boilerplate(line)


@pytest.mark.parametrize("line", STORY)
def test_story_sentences_are_not_furniture(line: str) -> None:
    assert not is_boilerplate(line)
