"""BTYD models: the customer summary, BG/NBD and Gamma-Gamma against Fader, Hardie & Lee (2005)."""
import numpy as np
import pandas as pd
import pytest

from helpers import btyd, data

CAL, OBS = "1997-09-30", "1998-06-30"


@pytest.fixture(scope="module")
def cdnow():
    return data.load_cdnow()


@pytest.fixture(scope="module")
def summary(cdnow):
    return btyd.summarize(cdnow, calibration_end=CAL, observation_end=OBS)


def tiny():
    return pd.DataFrame({"customer_id": ["a", "a", "a", "b", "c", "a"],
                         "date": pd.to_datetime(["2024-01-01", "2024-01-01", "2024-01-15", "2024-01-08",
                                                 "2024-02-05", "2024-02-12"]),
                         "amount": [10.0, 5.0, 20.0, 7.0, 3.0, 9.0]})


# --- summarize -------------------------------------------------------------------------------

def test_cdnow_sample_counts_match_the_paper(summary):
    # Fader, Hardie & Lee (2005): 2,357 customers, 2,457 repeat transactions, 946 repeat buyers
    assert len(summary) == 2357
    assert summary["frequency"].sum() == 2457
    assert (summary["frequency"] > 0).sum() == 946


def test_cdnow_calibration_is_39_weeks_and_holdout_39_weeks(summary):
    # first purchases run from 1 January to 31 March 1997; the calibration ends on 30 September
    assert summary["T"].max() == pytest.approx(272 / 7)
    assert 183 / 7 <= summary["T"].min() < 30  # first purchases end in late March 1997
    assert summary["duration_holdout"].iloc[0] == pytest.approx(273 / 7)
    assert (summary["recency"] <= summary["T"]).all()
    assert ((summary["frequency"] == 0) == (summary["recency"] == 0)).all()


def test_same_day_purchases_are_merged_and_the_first_is_excluded_from_monetary_value():
    s = btyd.summarize(tiny(), calibration_end="2024-01-29", observation_end="2024-02-26")
    assert list(s.index) == ["a", "b"]  # c first buys in the holdout
    a = s.loc["a"]
    assert a["frequency"] == 1 and a["recency"] == 2.0 and a["T"] == 4.0
    assert a["monetary_value"] == 20.0  # the merged first day (10 + 5) is excluded
    assert a["frequency_holdout"] == 1 and a["monetary_value_holdout"] == 9.0
    assert a["duration_holdout"] == 4.0
    assert s.loc["b", "monetary_value"] == 0.0 and s.loc["b", "frequency_holdout"] == 0


def test_days_unit_and_default_calibration_end():
    s = btyd.summarize(tiny(), freq="D")
    assert s.attrs["calibration_end"] == pd.Timestamp("2024-02-12")
    assert s.loc["a", "T"] == 42.0 and s.loc["a", "recency"] == 42.0
    assert s.loc["a", "frequency"] == 2 and s.loc["a", "monetary_value"] == pytest.approx(14.5)
    assert s.loc["c", "T"] == 7.0 and s.loc["c", "frequency"] == 0
    assert "frequency_holdout" not in s


def test_summarize_does_not_change_the_callers_frame():
    tx = tiny()
    before = tx.copy()
    btyd.summarize(tx, calibration_end="2024-01-29", observation_end="2024-02-26")
    pd.testing.assert_frame_equal(tx, before)


def test_summary_agrees_with_a_plain_pandas_computation(cdnow):
    s = btyd.summarize(cdnow, calibration_end=CAL)
    daily = (cdnow[cdnow["date"] <= CAL].groupby(["customer_id", "date"])["amount"].sum().reset_index())
    g = daily.groupby("customer_id")
    first, last = g["date"].min(), g["date"].max()
    expected_freq = g.size() - 1
    pd.testing.assert_series_equal(s["frequency"], expected_freq.rename("frequency"), check_dtype=False)
    np.testing.assert_allclose(s["recency"], (last - first).dt.days / 7)
    np.testing.assert_allclose(s["T"], (pd.Timestamp(CAL) - first).dt.days / 7)
    repeat_mean = daily[daily["date"] > daily["customer_id"].map(first)].groupby("customer_id")["amount"].mean()
    np.testing.assert_allclose(s["monetary_value"], repeat_mean.reindex(s.index).fillna(0.0))


@pytest.mark.parametrize("kwargs,error,message", [
    ({"calibration_end": "2024-02-01", "observation_end": "2024-01-20"}, ValueError, "must be after calibration_end"),
    ({"calibration_end": "2024-02-01", "observation_end": "2024-02-01"}, ValueError, "must be after calibration_end"),
    ({"calibration_end": "2023-12-31"}, ValueError, "calibration_end .* is before the first purchase"),
    ({"observation_end": "2024-03-01"}, ValueError, "observation_end needs calibration_end"),
    ({"calibration_end": "not a date"}, ValueError, "calibration_end must be a date"),
    ({"calibration_end": 19970930}, TypeError, "calibration_end must be a date"),
    ({"freq": "M"}, ValueError, "freq must be one of"),
    ({"freq": 7}, ValueError, "freq must be one of"),
])
def test_summarize_rejects_bad_arguments(kwargs, error, message):
    with pytest.raises(error, match=message):
        btyd.summarize(tiny(), **kwargs)


@pytest.mark.parametrize("change,message", [
    (lambda t: t.drop(columns="date"), "missing column"),
    (lambda t: t.rename(columns={"amount": "Amount"}), "missing column"),
    (lambda t: t.assign(customer_id=[None, "a", "a", "b", "c", "a"]), "customer_id"),
    (lambda t: t.assign(amount=[-1.0, 5, 20, 7, 3, 9]), "negative"),
    (lambda t: t.assign(amount=[np.nan, 5, 20, 7, 3, 9]), "amount"),
    (lambda t: t.iloc[:0], "empty"),
])
def test_summarize_rejects_bad_transactions(change, message):
    with pytest.raises(ValueError, match=message):
        btyd.summarize(change(tiny()))


def test_summarize_rejects_a_non_frame():
    with pytest.raises(TypeError, match="DataFrame"):
        btyd.summarize([("a", "2024-01-01", 1.0)])


# --- BG/NBD ----------------------------------------------------------------------------------
# Fader, Hardie & Lee (2005), "Counting your customers the easy way", Table/section 5: CDNOW
# sample, 39-week calibration. Tolerance: half a unit in the last printed digit. The optimiser's
# own spread (Nelder-Mead, Powell, BFGS, L-BFGS-B from the same start) is below 5e-5 in every
# parameter, well inside it.
PUBLISHED_BG = {"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426}
PUBLISHED_LL = -9582.4
PUBLISHED_GG = {"p": 6.25, "q": 3.74, "v": 15.44}


@pytest.fixture(scope="module")
def bg(summary):
    return btyd.BetaGeo().fit(summary)


@pytest.fixture(scope="module")
def gg(summary):
    return btyd.GammaGamma().fit(summary["frequency"], summary["monetary_value"])


@pytest.mark.parametrize("name", PUBLISHED_BG)
def test_bgnbd_reproduces_the_published_parameters(bg, name):
    assert bg.params_[name] == pytest.approx(PUBLISHED_BG[name], abs=0.0005)


def test_bgnbd_reproduces_the_published_log_likelihood(bg):
    assert bg.log_likelihood_ == pytest.approx(PUBLISHED_LL, abs=0.05)
    assert bg.n_customers_ == 2357


def test_bgnbd_fit_is_a_maximum(bg, summary):
    x, tx, T = (summary[c].to_numpy(float) for c in ("frequency", "recency", "T"))
    best = btyd.BetaGeo._log_likelihood(*bg.params_.values(), x, tx, T).sum()
    assert best == pytest.approx(bg.log_likelihood_, abs=1e-6)
    for name in PUBLISHED_BG:
        for factor in (0.99, 1.01):
            p = dict(bg.params_, **{name: bg.params_[name] * factor})
            assert btyd.BetaGeo._log_likelihood(*p.values(), x, tx, T).sum() < best


def test_bgnbd_log_likelihood_matches_the_plain_formula():
    # FHL (2005) eq. 6 written out with ordinary powers, for small histories where it is exact
    from scipy.special import beta, gamma
    r, alpha, a, b = 0.5, 3.0, 0.8, 2.5
    for x, tx, T in [(0, 0.0, 10.0), (1, 4.0, 10.0), (3, 9.5, 12.0), (6, 2.0, 30.0)]:
        a1 = gamma(r + x) * alpha ** r / gamma(r)
        a2 = beta(a, b + x) / beta(a, b)
        a3 = (1 / (alpha + T)) ** (r + x)
        a4 = (a / (b + x - 1)) * (1 / (alpha + tx)) ** (r + x) if x > 0 else 0.0
        plain = np.log(a1 * a2 * (a3 + a4))
        assert btyd.BetaGeo._log_likelihood(r, alpha, a, b, x, tx, T) == pytest.approx(plain, rel=1e-12)


def test_bgnbd_log_likelihood_stays_finite_for_heavy_buyers():
    ll = btyd.BetaGeo._log_likelihood(0.243, 4.414, 0.793, 2.426, np.array([500.0]), np.array([300.0]),
                                      np.array([301.0]))
    assert np.isfinite(ll).all()


def test_p_alive_is_one_without_repeat_purchases(bg):
    T = np.array([0.0, 1.0, 27.0, 38.9, 500.0])
    np.testing.assert_array_equal(bg.p_alive(np.zeros(5), np.zeros(5), T), np.ones(5))


def test_p_alive_closed_form_and_direction(bg):
    r, alpha, a, b = bg.params_.values()
    x, tx, T = 3, 20.0, 38.0
    expected = 1 / (1 + a / (b + x - 1) * ((alpha + T) / (alpha + tx)) ** (r + x))
    assert bg.p_alive(x, tx, T) == pytest.approx(expected, rel=1e-12)
    recent = bg.p_alive([3, 3, 3], [5.0, 20.0, 37.0], 38.0)
    assert np.all(np.diff(recent) > 0)  # a more recent last purchase -> more likely alive
    assert bg.p_alive(1, 0.5, 5000.0) < 0.01  # one repeat purchase long ago: almost surely gone


def test_population_expectation_agrees_with_numerical_integration(bg):
    # E[X(t) | λ, p] = (1 - exp(-λ p t)) / p (FHL eq. 7); averaging over λ ~ Gamma(r, α) gives
    # (1 - (α / (α + p t))^r) / p, which is then integrated over p ~ Beta(a, b) numerically.
    from scipy import integrate, stats
    r, alpha, a, b = bg.params_.values()
    for t in (1.0, 39.0, 78.0, 500.0):
        f = lambda p: (1 - (alpha / (alpha + p * t)) ** r) / p * stats.beta.pdf(p, a, b)
        numeric = integrate.quad(f, 0, 1, limit=200)[0]
        assert bg.expected_purchases_population(t) == pytest.approx(numeric, rel=1e-7)
    assert bg.expected_purchases_population(0.0) == 0.0


def test_population_expectation_agrees_with_a_simulation():
    bg = btyd.BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    rng = np.random.default_rng(0)
    n, t = 400_000, 39.0
    lam = rng.gamma(0.243, 1 / 4.414, n)
    p = rng.beta(0.793, 2.426, n)
    # purchases before dying: geometric; count those that fall before t
    purchases = rng.poisson(lam * t)  # purchases a never-dying customer would make
    lives = rng.geometric(p)          # purchase number after which the customer dies
    simulated = np.minimum(purchases, lives).mean()
    se = np.minimum(purchases, lives).std() / np.sqrt(n)
    assert abs(bg.expected_purchases_population(t) - simulated) < 4 * se


def test_conditional_expectation_for_a_new_customer_is_the_population_one(bg):
    for t in (5.0, 39.0, 100.0):
        assert bg.expected_purchases(t, 0, 0.0, 0.0) == pytest.approx(bg.expected_purchases_population(t),
                                                                       rel=1e-10)
    assert bg.expected_purchases(0.0, 4, 10.0, 20.0) == 0.0


def test_holdout_forecasts_two_ways_agree_and_are_near_the_actual_total(bg, summary):
    # 1,882 repeat purchases happened in weeks 40-78. Summing each customer's conditional
    # expectation and summing the unconditional cohort curve E[X(T + 39)] - E[X(T)] are two
    # routes to a holdout forecast; they must agree closely. Both fall about 12% short of the
    # actual total (the notebook shows where).
    assert summary["frequency_holdout"].sum() == 1882
    conditional = bg.expected_purchases(39.0, summary["frequency"], summary["recency"], summary["T"]).sum()
    T = summary["T"].to_numpy()
    cohort = (bg.expected_purchases_population(T + 39.0) - bg.expected_purchases_population(T)).sum()
    assert conditional == pytest.approx(cohort, rel=0.02)
    assert 0.8 < conditional / 1882 < 1.0


def test_series_in_series_out(bg, summary):
    out = bg.p_alive(summary["frequency"], summary["recency"], summary["T"])
    assert isinstance(out, pd.Series) and out.index.equals(summary.index)
    assert isinstance(bg.p_alive(1, 2.0, 3.0), float)


def test_fit_does_not_change_the_summary(summary):
    before = summary.copy()
    btyd.BetaGeo().fit(summary)
    btyd.GammaGamma().fit(summary["frequency"], summary["monetary_value"])
    pd.testing.assert_frame_equal(summary, before)


def _small():
    return pd.DataFrame({"frequency": [0, 2, 1, 0], "recency": [0.0, 5.0, 3.0, 0.0],
                         "T": [10.0, 12.0, 8.0, 4.0], "monetary_value": [0.0, 20.0, 15.0, 0.0]})


@pytest.mark.parametrize("change,error,message", [
    (lambda s: s.drop(columns="recency"), ValueError, "missing column"),
    (lambda s: s.iloc[:0], ValueError, "empty"),
    (lambda s: s.assign(frequency=0, recency=0.0), ValueError, "no customer has a repeat purchase"),
    (lambda s: s.assign(T=0.0, recency=0.0), ValueError, "T is zero for every customer"),
    (lambda s: s.assign(recency=[0.0, np.nan, 3.0, 0.0]), ValueError, "recency has 1 NaN"),
    (lambda s: s.assign(frequency=[0, -2, 1, 0]), ValueError, "frequency must be at least 0"),
    (lambda s: s.assign(frequency=[0, 1.5, 1, 0]), ValueError, "whole numbers"),
    (lambda s: s.assign(recency=[0.0, 15.0, 3.0, 0.0]), ValueError, "recency must not exceed T"),
    (lambda s: s.assign(recency=[1.0, 5.0, 3.0, 0.0]), ValueError, "recency must be 0 where frequency is 0"),
    (lambda s: s.values, TypeError, "summary must be a DataFrame"),
])
def test_bgnbd_fit_rejects_bad_summaries(change, error, message):
    with pytest.raises(error, match=message):
        btyd.BetaGeo().fit(change(_small()))


def test_non_convergence_raises_with_advice(summary):
    with pytest.raises(btyd.ConvergenceError, match="Try: more iterations"):
        btyd.BetaGeo().fit(summary, maxiter=2)
    with pytest.raises(btyd.ConvergenceError, match="Try: more iterations"):
        btyd.GammaGamma().fit(summary["frequency"], summary["monetary_value"], maxiter=2)


def test_unfitted_models_and_bad_parameters_are_refused():
    with pytest.raises(ValueError, match="call .fit"):
        btyd.BetaGeo().p_alive(1, 1.0, 2.0)
    with pytest.raises(ValueError, match="call .fit"):
        btyd.GammaGamma().expected_spend(1, 10.0)
    with pytest.raises(ValueError, match="keys"):
        btyd.BetaGeo({"r": 1.0, "alpha": 1.0})
    with pytest.raises(ValueError, match="positive"):
        btyd.BetaGeo({"r": 1.0, "alpha": -1.0, "a": 1.0, "b": 1.0})
    with pytest.raises(TypeError, match="must be a number"):
        btyd.GammaGamma({"p": "6", "q": 3.0, "v": 1.0})
    with pytest.raises(ValueError, match="initial must be a dict"):
        btyd.BetaGeo().fit(_small(), initial={"r": 1.0})
    with pytest.raises(ValueError, match="maxiter"):
        btyd.BetaGeo().fit(_small(), maxiter=0)


def test_prediction_inputs_are_checked(bg):
    with pytest.raises(ValueError, match="t must be at least 0"):
        bg.expected_purchases(-1.0, 1, 1.0, 2.0)
    with pytest.raises(ValueError, match="same length"):
        bg.p_alive([1, 2], [1.0, 2.0, 3.0], 5.0)
    with pytest.raises(TypeError, match="frequency must be a number"):
        bg.p_alive("3", 1.0, 2.0)
    with pytest.raises(ValueError, match="T has 1 NaN"):
        bg.p_alive(1, 1.0, np.nan)


# --- Gamma-Gamma ------------------------------------------------------------------------------

@pytest.mark.parametrize("name", PUBLISHED_GG)
def test_gamma_gamma_reproduces_the_published_parameters(gg, name):
    assert gg.params_[name] == pytest.approx(PUBLISHED_GG[name], abs=0.005)
    assert gg.n_customers_ == 946


def test_gamma_gamma_likelihood_agrees_with_numerical_integration():
    # the mean of x Gamma(p, ν) values is Gamma(p x, rate x ν); integrate over ν ~ Gamma(q, rate γ)
    from scipy import integrate, stats
    p, q, v = 6.25, 3.74, 15.44
    for x, m in [(1, 20.0), (3, 35.5), (10, 80.0)]:
        f = lambda nu: stats.gamma.pdf(m, p * x, scale=1 / (x * nu)) * stats.gamma.pdf(nu, q, scale=1 / v)
        numeric = integrate.quad(f, 0, np.inf, limit=200)[0]
        assert np.exp(btyd.GammaGamma._log_likelihood(p, q, v, x, m)) == pytest.approx(numeric, rel=1e-7)


def test_expected_spend_formula(gg):
    p, q, v = gg.params_.values()
    population = p * v / (q - 1)
    assert gg.expected_spend(0, 0.0) == pytest.approx(population)
    x, m = 4, 50.0
    weight = (q - 1) / (p * x + q - 1)
    assert gg.expected_spend(x, m) == pytest.approx(weight * population + (1 - weight) * m)
    # and as the posterior mean of p / ν, ν | data ~ Gamma(p x + q, rate γ + x m)
    from scipy import integrate, stats
    post = integrate.quad(lambda nu: p / nu * stats.gamma.pdf(nu, p * x + q, scale=1 / (v + x * m)),
                          0, np.inf)[0]
    assert gg.expected_spend(x, m) == pytest.approx(post, rel=1e-7)
    # more purchases -> more weight on the customer's own mean
    assert abs(gg.expected_spend(20, m) - m) < abs(gg.expected_spend(2, m) - m)


@pytest.mark.parametrize("freq,money,error,message", [
    ([1, 2], [10.0, 0.0], ValueError, "monetary_value must be above 0"),
    ([1, 2], [10.0, -5.0], ValueError, "monetary_value must be at least 0"),
    ([1, 2], [10.0, np.nan], ValueError, "monetary_value has 1 NaN"),
    ([1, 2, 3], [10.0, 5.0], ValueError, "same length"),
    ([0, 0], [0.0, 0.0], ValueError, "no customer has a repeat purchase"),
    ("12", [10.0, 5.0], TypeError, "frequency must be a number"),
])
def test_gamma_gamma_fit_rejects_bad_input(freq, money, error, message):
    with pytest.raises(error, match=message):
        btyd.GammaGamma().fit(freq, money)


def test_expected_spend_needs_q_above_one():
    with pytest.raises(ValueError, match="q > 1"):
        btyd.GammaGamma({"p": 2.0, "q": 0.9, "v": 10.0}).expected_spend(1, 10.0)


# --- CLV --------------------------------------------------------------------------------------

def test_clv_without_discount_is_expected_purchases_times_spend(bg, gg, summary):
    value = btyd.clv(bg, gg, summary, horizon=52, discount_rate=0.0, freq="W")
    purchases = bg.expected_purchases(52.0, summary["frequency"], summary["recency"], summary["T"])
    spend = gg.expected_spend(summary["frequency"], summary["monetary_value"])
    pd.testing.assert_series_equal(value, (purchases * spend).rename("clv"))
    yearly = btyd.clv(bg, gg, summary, horizon=1, discount_rate=0.0, freq="Y")
    np.testing.assert_allclose(yearly, btyd.clv(bg, gg, summary, horizon=12, discount_rate=0.0, freq="M"))


def test_clv_discounting_by_hand(bg, gg, summary):
    one = summary.iloc[[0]]
    d = 0.01
    steps = [bg.expected_purchases(i * 365.25 / 12 / 7, *one[["frequency", "recency", "T"]].iloc[0])
             for i in range(0, 4)]
    spend = gg.expected_spend(*one[["frequency", "monetary_value"]].iloc[0])
    by_hand = sum((steps[i] - steps[i - 1]) / (1 + d) ** i for i in range(1, 4)) * spend
    assert btyd.clv(bg, gg, one, horizon=3, discount_rate=d, freq="M").iloc[0] == pytest.approx(by_hand)


def test_clv_falls_with_discount_and_rises_with_horizon(bg, gg, summary):
    low = btyd.clv(bg, gg, summary, horizon=12, discount_rate=0.0)
    high = btyd.clv(bg, gg, summary, horizon=12, discount_rate=0.05)
    longer = btyd.clv(bg, gg, summary, horizon=24, discount_rate=0.0)
    assert (high < low).all() and (longer > low).all()


@pytest.mark.parametrize("kwargs,error,message", [
    ({"horizon": 0}, ValueError, "horizon must be a whole number"),
    ({"horizon": 2.5}, ValueError, "horizon must be a whole number"),
    ({"discount_rate": 1.2}, ValueError, "discount_rate must lie in"),
    ({"discount_rate": "1%"}, TypeError, "discount_rate must be a number"),
    ({"freq": "D"}, ValueError, "freq must be one of"),
])
def test_clv_rejects_bad_arguments(bg, gg, summary, kwargs, error, message):
    args = {"horizon": 12, "discount_rate": 0.01, "freq": "M", **kwargs}
    with pytest.raises(error, match=message):
        btyd.clv(bg, gg, summary, **args)


def test_clv_rejects_unfitted_or_wrong_models(bg, gg, summary):
    with pytest.raises(TypeError, match="bg must be a fitted BetaGeo"):
        btyd.clv(gg, gg, summary, 12, 0.01)
    with pytest.raises(ValueError, match="missing column"):
        btyd.clv(bg, gg, summary.drop(columns="monetary_value"), 12, 0.01)


def test_expected_spend_accepts_a_zero_mean_but_not_a_negative_one():
    # fitting needs positive spend (log of the mean); predicting for a buyer of free items does not
    gg = btyd.GammaGamma({"p": 6.25, "q": 3.74, "v": 15.44})
    assert gg.expected_spend(2, 0.0) == pytest.approx(6.25 * 15.44 / (12.5 + 2.74))
    with pytest.raises(ValueError, match="monetary_value must be at least 0"):
        gg.expected_spend(2, -1.0)


def test_analytic_gradients_match_finite_differences():
    from scipy import optimize

    s = btyd.summarize(data.load_cdnow(), calibration_end="1997-09-30")
    x, tx, T = (s[c].to_numpy(float) for c in ("frequency", "recency", "T"))
    weights = np.ones_like(x)
    at = np.log([0.3, 5.0, 0.6, 2.0])       # away from the optimum, where the gradient is large
    ll = lambda th: np.dot(weights, btyd.BetaGeo._log_likelihood(*np.exp(th), x, tx, T))  # noqa: E731
    exact = btyd.BetaGeo._log_likelihood_gradient(*np.exp(at), x, tx, T, weights)
    assert np.allclose(exact, optimize.approx_fprime(at, ll, 1e-6), rtol=1e-3, atol=1e-2)
    # the fit's objective (negative log-likelihood and gradient, with shortcuts) gives the same numbers
    value, gradient = btyd.BetaGeo._objective(x, tx, T)(at)
    assert -value == pytest.approx(ll(at), rel=1e-12)
    assert np.allclose(-gradient, exact, rtol=1e-9)

    repeat = s[s["frequency"] > 0]
    xr, m = repeat["frequency"].to_numpy(float), repeat["monetary_value"].to_numpy(float)
    at = np.log([5.0, 3.0, 12.0])
    ll = lambda th: np.sum(btyd.GammaGamma._log_likelihood(*np.exp(th), xr, m))  # noqa: E731
    exact = btyd.GammaGamma._log_likelihood_gradient(*np.exp(at), xr, m)
    assert np.allclose(exact, optimize.approx_fprime(at, ll, 1e-6), rtol=1e-3, atol=1e-2)
    value, gradient = btyd.GammaGamma._objective(xr, m)(at)
    assert -value == pytest.approx(ll(at), rel=1e-12)
    assert np.allclose(-gradient, exact, rtol=1e-9)


def test_fits_reach_the_maximum_to_many_digits(bg, gg, summary):
    # at the fitted parameters the gradient of the log-likelihood is zero to rounding: a Newton
    # step from there moves no parameter by more than 1e-9 (relative)
    x, tx, T = (summary[c].to_numpy(float) for c in ("frequency", "recency", "T"))
    repeat = summary[summary["frequency"] > 0]
    xr, m = repeat["frequency"].to_numpy(float), repeat["monetary_value"].to_numpy(float)
    for objective, params in [(btyd.BetaGeo._objective(x, tx, T), bg.params_),
                              (btyd.GammaGamma._objective(xr, m), gg.params_)]:
        at = np.log(list(params.values()))
        gradient = objective(at)[1]
        h = 1e-5
        hessian = np.array([(objective(at + h * e)[1] - objective(at - h * e)[1]) / (2 * h)
                            for e in np.eye(len(at))])
        assert np.max(np.abs(np.linalg.solve(hessian, gradient))) < 1e-9
