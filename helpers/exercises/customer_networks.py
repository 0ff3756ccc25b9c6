"""Exercises for notebooks/08_customer_networks: reading 004's stickiness model, what the shape of
a network changes, cascades and clubs."""
import numpy as np

from helpers.exercises.core import ChoiceQuestion, FunctionQuestion, NumberQuestion


def _reading_stickiness(a, lam_j):
    a, lam_j = np.asarray(a, dtype=float), np.asarray(lam_j, dtype=float)
    return a + (lam_j * a).sum() - lam_j * a


q1 = NumberQuestion(
    key="customer_networks.q1",
    answer=1.05, tolerance=1e-6,
    wrong_answers=[1.2, 0.75, 1.5, 0.6],
)

q2 = FunctionQuestion(
    key="customer_networks.q2",
    answer=_reading_stickiness,
    cases=[([3.0, 5.0], [0.2, 0.2]), ([1.0, 2.0, 3.0, 4.0], [0.1, 0.2, 0.3, 0.4]),
           ([0.5, 0.0, 0.9], [0.0, 0.7, 0.1]), ([2.0], [0.3])],
    wrong_answers=[lambda a, lam_j: np.asarray(a) + (np.asarray(lam_j) * np.asarray(a)).sum(),
                   lambda a, lam_j: np.asarray(a) * (1 + np.asarray(lam_j)),
                   "a + lam_j * a"],
)

q3 = ChoiceQuestion(
    key="customer_networks.q3",
    answer="about the same in all four",
    options=["random", "small-world", "scale-free", "community", "about the same in all four"],
    aliases={"about the same in all four": ["about the same", "the same", "same", "equal",
                                            "all the same", "四者差不多", "差不多", "都差不多", "都一样",
                                            "四者相同", "相同"],
             "random": ["随机网络", "随机"], "small-world": ["小世界网络", "小世界"],
             "scale-free": ["无标度网络", "无标度"], "community": ["社群网络", "社群", "社区网络", "社区"]},
    wrong_answers=["scale-free", "small-world", "community", "random"],
)

q4 = ChoiceQuestion(
    key="customer_networks.q4",
    answer="never",
    options=["never", "sometimes", "it depends on λ"],
    aliases={"never": ["不会", "绝不会", "永远不会", "不可能"], "sometimes": ["有时会", "有时"],
             "it depends on λ": ["取决于 λ", "取决于λ"]},
    wrong_answers=["sometimes", "it depends on λ", "yes"],
)

q5 = NumberQuestion(
    key="customer_networks.q5",
    answer=0.64, tolerance=1e-6,
    # a(1 + kλ); own base counted too; λ × number of ties; the base alone; the club's mean
    wrong_answers=[0.52, 0.68, 0.7, 0.4, 0.91],
)
