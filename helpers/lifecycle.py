"""The customer lifecycle: its stages and models of how a relationship moves through them.

The course uses the four-stage model of Chinese CRM textbooks (reading 000): exploration
考察期, formation 形成期, stability 稳定期 and decline 退化期, followed by the end of the
relationship (churned 流失).
"""
from __future__ import annotations

#: The lifecycle stages in order; ``churned`` is the absorbing end state.
STAGES = ("exploration", "formation", "stability", "decline", "churned")
#: The four stages a living relationship can be in.
ACTIVE_STAGES = STAGES[:4]
#: Chinese name of each stage, as the readings write it.
STAGE_NAMES_ZH = {
    "exploration": "考察期",
    "formation": "形成期",
    "stability": "稳定期",
    "decline": "退化期",
    "churned": "流失",
}
