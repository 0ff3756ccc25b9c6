"""Buy-till-you-die models: who is still a customer, how often they will buy, and what they are worth.

The models of Fader, Hardie & Lee (2005) for a *non-contractual* business, where customers never
say that they have left (a CD shop, a phone maker's online store):

:func:`summarize`
    turns transactions into one row per customer: ``frequency`` (repeat purchases), ``recency``
    (first to last purchase), ``T`` (first purchase to the end of the calibration period) and
    ``monetary_value`` (mean value of the repeat purchases), optionally with a holdout period
    (from :mod:`helpers.purchase_histories`, available here too).
:class:`BetaGeo`
    the BG/NBD model: while alive a customer buys at a Poisson rate λ ~ Gamma(r, α); after each
    purchase they leave for good with probability p ~ Beta(a, b).
:class:`GammaGamma`
    the Gamma-Gamma model of spend per transaction, with parameters p, q and γ (``v``).
:func:`clv`
    discounted expected value of each customer's future purchases over a stated horizon.
:func:`tracking`, :func:`conditional_expectations`, :func:`p_alive_matrix`
    how a fitted BG/NBD model compares with a holdout period, and what it says about customers.

Time is measured in weeks (days / 7) unless ``freq="D"`` is given.
"""
from __future__ import annotations

import numpy as np
import pandas as pd
from scipy import optimize, special

from helpers._checks import ArgumentTypeError, check_frame, check_number, check_numbers
from helpers.purchase_histories import UNIT_DAYS, UNIT_NAMES, _unit, cumulative_repeat_purchases, summarize

__all__ = ["UNIT_DAYS", "UNIT_NAMES", "summarize", "ConvergenceError", "BetaGeo", "GammaGamma", "clv",
           "tracking", "conditional_expectations", "p_alive_matrix"]


class ConvergenceError(RuntimeError):
    """A model fit did not reach a maximum of the likelihood."""


# --- argument checks ---------------------------------------------------------------------------

def _whole_number(value, name, low=1, expected=None):
    """``value`` as an int if it is a whole number (not a bool) of at least ``low``."""
    return check_number(value, name, integer=True, low=low,
                        must=expected and {"type": f"be {expected}", "low": f"be {expected}"})


def _numbers(value, name, **bounds):
    """An argument as a float array (a number, list, array or Series, not a table), checked."""
    if isinstance(value, pd.DataFrame):
        raise ArgumentTypeError(f"{name} must be a number, an array or a Series, got a DataFrame")
    return check_numbers(value, name, what="a number or an array of numbers", allow_empty=True, **bounds)


def _history(frequency, recency, T):
    """Check (frequency, recency, T) and broadcast them to a common shape."""
    x = _numbers(frequency, "frequency", integer=True, low=0)
    tx = _numbers(recency, "recency", low=0)
    T_ = _numbers(T, "T", low=0)
    try:
        x, tx, T_ = np.broadcast_arrays(x, tx, T_)
    except ValueError as err:
        raise ValueError(f"frequency, recency and T must have the same length, got shapes "
                         f"{np.shape(frequency)}, {np.shape(recency)} and {np.shape(T)}") from err
    if (tx > T_ + 1e-9).any():
        raise ValueError("recency must not exceed T (the last purchase cannot come after the end of "
                         "the calibration period)")
    if ((x == 0) & (tx > 0)).any():
        raise ValueError("recency must be 0 where frequency is 0 (no repeat purchase, so no time "
                         "between first and last purchase)")
    return x, tx, T_


def _shaped(result, *inputs):
    """Return a float for scalar input, a Series when the input was a Series, else an array."""
    for value in inputs:
        if isinstance(value, pd.Series):
            return pd.Series(np.asarray(result, dtype=float).reshape(len(value)), index=value.index)
    return float(result) if np.ndim(result) == 0 else np.asarray(result, dtype=float)


def _summary_columns(summary, columns):
    """The first check of a summary: a non-empty frame holding ``columns`` (values are checked later)."""
    check_frame(summary, "summary", columns, expected="one row per customer; make it with helpers.btyd.summarize",
                nan_ok=True)


# --- fitting: maximum likelihood over log-parameters ---------------------------------------------

def _newton_polish(objective, x, value, grad):
    """Newton steps from a point near the minimum of ``objective``, with a Hessian from differences
    of the analytic gradient; returns the last point whose gradient was smaller than the one before
    (the point itself if the first step would move a log-parameter by more than 0.01).

    Near the optimum a change of the log-likelihood is lost in rounding long before its gradient
    is, so BFGS, which searches along lines for a lower value, stalls there; Newton steps, which
    only look for a zero of the gradient, still make progress.
    """
    h = 1e-6
    hessian = np.array([(objective(x + h * e)[1] - grad) / h for e in np.eye(len(x))])
    hessian = (hessian + hessian.T) / 2
    for _ in range(4):
        try:
            step = np.linalg.solve(hessian, grad)
        except np.linalg.LinAlgError:
            break
        if np.max(np.abs(step)) > 1e-2:   # not near a maximum (e.g. on a flat ridge): leave it to BFGS
            break
        new_value, new_grad = objective(x - step)
        if not (np.isfinite(new_value) and np.max(np.abs(new_grad)) < np.max(np.abs(grad))):
            break
        x, value, grad = x - step, new_value, new_grad
        if np.max(np.abs(step)) < 1e-12:
            break
    return x, value, grad


def _maximise(objective, start, names, maxiter, model, n):
    """Minimise ``objective`` (log-parameters -> negative log-likelihood of ``n`` customers and its
    gradient); raise ConvergenceError with advice if it fails.

    BFGS starts at once from ``start`` and stops when the gradient per customer is below 1e-6;
    Newton steps then go the rest of the way to the maximum. If BFGS does not get there, a
    Nelder-Mead stage finds the region first.
    """
    def neg_ll(log_params):
        value, grad = objective(log_params)
        return (value, grad) if np.isfinite(value) else (1e300, grad)

    def solve(first_stage):
        with np.errstate(all="ignore"):
            x0 = np.log(start)
            if first_stage:
                x0 = optimize.minimize(lambda th: neg_ll(th)[0], x0, method="Nelder-Mead",
                                       options={"maxiter": maxiter, "xatol": 1e-3, "fatol": 1e-3}).x
            res = optimize.minimize(neg_ll, x0, jac=True, method="BFGS",
                                    options={"maxiter": maxiter, "gtol": 1e-6 * n})
            value, grad = neg_ll(res.x)
            usable = (res.success or res.nit < maxiter) and np.isfinite(value) and np.all(np.isfinite(grad))
            if usable:
                res.x, res.fun, grad = _newton_polish(neg_ll, res.x, value, grad)
        # accept the result when the gradient is small; BFGS's own verdict may be a 'precision
        # loss' warning exactly at the optimum
        ok = (usable and np.all(np.isfinite(res.x)) and np.max(np.abs(grad)) < 1e-2)
        return res, grad, ok

    res, grad, ok = solve(first_stage=False)
    if not ok:
        res, grad, ok = solve(first_stage=True)
    if not ok:
        raise ConvergenceError(
            f"{model} fit did not converge ({res.message}; largest gradient {np.max(np.abs(grad)):.3g}). "
            f"Try: more iterations (maxiter={2 * maxiter}), other starting values (initial={{...}} with "
            f"keys {list(names)}), a longer calibration period, or more customers with repeat purchases.")
    if np.any(np.abs(res.x) > 25):
        big = [n for n, v in zip(names, res.x) if abs(v) > 25]
        raise ConvergenceError(
            f"{model} fit ran off to extreme values of {big}: the data cannot pin these parameters "
            "down. Try a longer calibration period, more customers, or check that frequency, recency "
            "and T were computed in the same time unit.")
    return {n: float(v) for n, v in zip(names, np.exp(res.x))}, -float(res.fun)


def _initial(initial, names, default):
    if initial is None:
        return default
    if not isinstance(initial, dict) or set(initial) != set(names):
        raise ValueError(f"initial must be a dict with keys {list(names)}, got {initial!r}")
    values = [initial[n] for n in names]
    arr = _numbers(values, "initial", low=0, low_open=True)
    return arr


# --- the models -------------------------------------------------------------------------------

class _Model:
    """What the BTYD models share: named positive parameters, their checks, the "fitted?" check and
    ``repr``. A subclass names its parameters in ``PARAMS`` and the arguments of its ``fit`` in
    ``FIT_ARGUMENTS`` (for the message to a user who predicts before fitting).

    Examples
    --------
    >>> GammaGamma()
    GammaGamma(not fitted)
    >>> GammaGamma({"p": 6.25, "q": 3.74, "v": 15.44})
    GammaGamma(p=6.25, q=3.74, v=15.44)
    """

    PARAMS: tuple[str, ...] = ()
    FIT_ARGUMENTS = ""

    def __init__(self, params: dict | None = None):
        self.params_ = None
        self.log_likelihood_ = None
        if params is not None:
            self.params_ = self._check_params(params)

    def __repr__(self):
        name = type(self).__name__
        if self.params_ is None:
            return f"{name}(not fitted)"
        return f"{name}(" + ", ".join(f"{k}={v:.4g}" for k, v in self.params_.items()) + ")"

    @classmethod
    def _check_params(cls, params):
        """``params`` as a dict of floats, checked: exactly the keys ``PARAMS``, positive numbers."""
        if not isinstance(params, dict) or set(params) != set(cls.PARAMS):
            raise ValueError(f"params must be a dict with keys {list(cls.PARAMS)}, got {params!r}")
        out = {}
        for name in cls.PARAMS:
            value = params[name]
            if isinstance(value, (bool, str)) or not isinstance(value, (int, float, np.number)):
                raise TypeError(f"params[{name!r}] must be a number, got {value!r}")
            if not np.isfinite(value) or value <= 0:
                raise ValueError(f"params[{name!r}] must be a positive number, got {value!r}")
            out[name] = float(value)
        return out

    def _fitted(self):
        """The parameters in the order of ``PARAMS``, or a ValueError if there are none yet."""
        if self.params_ is None:
            keys = ", ".join(f"{k!r}: ..." for k in self.PARAMS)
            raise ValueError(f"this {type(self).__name__} model has no parameters yet: call "
                             f".fit({self.FIT_ARGUMENTS}) first, or pass params={{{keys}}}")
        return tuple(self.params_[k] for k in self.PARAMS)


class BetaGeo(_Model):
    """The BG/NBD model of Fader, Hardie & Lee (2005) ("Counting your customers the easy way").

    While a customer is alive, purchases follow a Poisson process with rate λ; after every
    purchase the customer dies (leaves for good, unseen) with probability p. Across customers
    λ ~ Gamma(shape r, rate α) and p ~ Beta(a, b). Time is in the unit of the summary (weeks by
    default), so λ and α are per week.

    Attributes (after :meth:`fit`)
    ------------------------------
    params_ : dict
        ``{"r", "alpha", "a", "b"}``.
    log_likelihood_ : float
        Maximised log-likelihood of the calibration data.
    n_customers_ : int

    Examples
    --------
    >>> from helpers import data
    >>> summary = summarize(data.load_cdnow(), calibration_end="1997-09-30")
    >>> bg = BetaGeo().fit(summary)
    >>> {k: round(v, 3) for k, v in bg.params_.items()}
    {'r': 0.243, 'alpha': 4.414, 'a': 0.793, 'b': 2.426}
    >>> round(bg.p_alive(0, 0, 30), 3)
    1.0
    """

    PARAMS = ("r", "alpha", "a", "b")
    FIT_ARGUMENTS = "summary"

    def __init__(self, params: dict | None = None):
        super().__init__(params)
        self.freq_ = "W"

    @staticmethod
    def _log_likelihood(r, alpha, a, b, x, tx, T):
        """Per-customer log-likelihood (FHL 2005, eq. 6), in log space throughout."""
        g = special.gammaln
        log_a1 = g(r + x) - g(r) + r * np.log(alpha)
        log_a2 = g(a + b) + g(b + x) - g(b) - g(a + b + x)
        log_a3 = -(r + x) * np.log(alpha + T)
        with np.errstate(divide="ignore", invalid="ignore"):
            log_a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300))
                              - (r + x) * np.log(alpha + tx), -np.inf)
        return log_a1 + log_a2 + np.logaddexp(log_a3, log_a4)

    @staticmethod
    def _log_likelihood_gradient(r, alpha, a, b, x, tx, T, weights):
        """Gradient of the weighted log-likelihood with respect to (log r, log α, log a, log b),
        customer by customer (:meth:`_objective` computes the same with shortcuts)."""
        psi = special.digamma
        log_a3 = -(r + x) * np.log(alpha + T)
        with np.errstate(divide="ignore", invalid="ignore"):
            log_a4 = np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300))
                              - (r + x) * np.log(alpha + tx), -np.inf)
            inv_b = np.where(x > 0, 1 / np.maximum(b + x - 1, 1e-300), 0.0)
        total = np.logaddexp(log_a3, log_a4)
        w3, w4 = np.exp(log_a3 - total), np.exp(log_a4 - total)   # shares of the two terms
        psi_abx = psi(a + b + x)
        d_r = psi(r + x) - psi(r) + np.log(alpha) - w3 * np.log(alpha + T) - w4 * np.log(alpha + tx)
        d_alpha = r / alpha - (r + x) * (w3 / (alpha + T) + w4 / (alpha + tx))
        d_a = psi(a + b) - psi_abx + w4 / a
        d_b = psi(a + b) + psi(b + x) - psi(b) - psi_abx - w4 * inv_b
        per_param = np.array([d_r, d_alpha, d_a, d_b]) @ weights
        return per_param * np.array([r, alpha, a, b])

    @staticmethod
    def _objective(x, tx, T):
        """The BG/NBD negative log-likelihood and its gradient over (log r, log α, log a, log b), as
        one function of the log-parameters (both share most of the work).

        Customers without a repeat purchase contribute ``r log(α / (α + T))`` only and are counted
        once per distinct ``T``; for the repeat buyers the special functions are computed once per
        distinct frequency.
        """
        none = x == 0
        T0, w0 = np.unique(T[none], return_counts=True)
        n0 = int(w0.sum())
        x1, tx1, T1 = x[~none], tx[~none], T[~none]
        xs, xi, wx = np.unique(x1, return_inverse=True, return_counts=True)
        n1 = len(x1)
        g, psi = special.gammaln, special.digamma

        def neg_ll_and_grad(log_params):
            r, alpha, a, b = np.exp(log_params)
            log_alpha = np.log(alpha)
            # no repeat purchase: r log(α / (α + T))
            log_ratio0 = n0 * log_alpha - w0 @ np.log(alpha + T0)
            ll = r * log_ratio0
            d_r = log_ratio0
            d_alpha = r * (n0 / alpha - w0 @ (1 / (alpha + T0)))
            d_a = d_b = 0.0
            if n1:
                # repeat buyers, the parts that depend on the frequency only
                psi_ab, psi_abx = psi(a + b), psi(a + b + xs)
                ll += (wx @ (g(r + xs) + g(b + xs) - g(a + b + xs))
                       + n1 * (r * log_alpha - g(r) + g(a + b) - g(b)))
                d_r += wx @ psi(r + xs) + n1 * (log_alpha - psi(r))
                d_alpha += n1 * r / alpha
                d_a += wx @ (psi_ab - psi_abx)
                d_b += wx @ (psi_ab + psi(b + xs) - psi(b) - psi_abx)
                # and the parts that depend on recency and T: log(A3 + A4) = log A3 + log(1 + A4 / A3)
                rx = r + x1
                log_T, log_tx = np.log(alpha + T1), np.log(alpha + tx1)
                gap = log_T - log_tx
                odds = np.log(a) - np.log(b + xs - 1)[xi] + rx * gap   # log(A4 / A3)
                small = np.exp(-np.abs(odds))                             # stable log(1 + e^odds)
                ll += np.maximum(odds, 0).sum() + np.log1p(small).sum() - rx @ log_T
                share = np.where(odds >= 0, 1.0, small) / (1 + small)     # A4 / (A3 + A4)
                inv_T, inv_tx = 1 / (alpha + T1), 1 / (alpha + tx1)
                d_r += share @ gap - log_T.sum()
                d_alpha += (share * rx) @ (inv_T - inv_tx) - rx @ inv_T
                d_a += share.sum() / a
                d_b -= share @ (1 / (b + xs - 1))[xi]
            grad = np.array([d_r * r, d_alpha * alpha, d_a * a, d_b * b])
            return -ll, -grad

        return neg_ll_and_grad

    def fit(self, summary: pd.DataFrame, *, initial: dict | None = None, maxiter: int = 2000):
        """Maximum-likelihood fit to a customer summary.

        Parameters
        ----------
        summary : pandas.DataFrame
            Columns ``frequency``, ``recency``, ``T`` (from :func:`summarize`).
        initial : dict, optional
            Starting values ``{"r", "alpha", "a", "b"}``.
        maxiter : int
            Iteration limit of each optimiser stage.

        Returns
        -------
        BetaGeo
            ``self``, with ``params_`` and ``log_likelihood_`` set.

        Raises
        ------
        ValueError
            Missing columns, NaN, negative values, recency above T, no repeat buyers, T all zero.
        ConvergenceError
            The optimiser did not reach a maximum; the message says what to try.
        """
        _summary_columns(summary, ("frequency", "recency", "T"))
        _whole_number(maxiter, "maxiter", expected="a positive whole number")
        x, tx, T = _history(summary["frequency"].to_numpy(), summary["recency"].to_numpy(),
                            summary["T"].to_numpy())
        if not (T > 0).any():
            raise ValueError("T is zero for every customer: the calibration period must end after "
                             "the first purchases (choose a later calibration_end)")
        if not (x > 0).any():
            raise ValueError("no customer has a repeat purchase (frequency is 0 for all): the BG/NBD "
                             "model cannot learn how often customers buy. Use a longer calibration period.")
        scale = max(float(np.mean(T)), 1e-9)
        start = _initial(initial, self.PARAMS, np.array([1.0, scale, 1.0, 1.0]))
        self.params_, self.log_likelihood_ = _maximise(self._objective(x, tx, T), start, self.PARAMS,
                                                       maxiter, "BG/NBD", len(x))
        self.n_customers_ = len(x)
        self.freq_ = summary.attrs.get("freq", "W")
        return self

    def _log_odds_dead(self, r, alpha, a, b, x, tx, T):
        """log of (a / (b + x - 1)) ((α + T) / (α + t_x))^(r + x) for x > 0, -inf for x = 0."""
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(x > 0, np.log(a) - np.log(np.maximum(b + x - 1, 1e-300))
                            + (r + x) * (np.log(alpha + T) - np.log(alpha + tx)), -np.inf)

    def p_alive(self, frequency, recency, T):
        """Probability that a customer with this history is still alive at the end of calibration.

        ``P(alive) = 1 / (1 + [x > 0] a / (b + x - 1) ((α + T) / (α + t_x))^(r + x))``; it is 1
        for a customer with no repeat purchase (in the BG/NBD model customers can only die right
        after a purchase).

        Parameters
        ----------
        frequency, recency, T : number, array or Series
            Repeat purchases, time of the last purchase after the first, and time since the first.

        Returns
        -------
        float, numpy.ndarray or pandas.Series

        Examples
        --------
        >>> bg = BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
        >>> round(bg.p_alive(2, 30.43, 38.86), 3), round(bg.p_alive(2, 5.0, 38.86), 3)
        (0.727, 0.124)
        """
        r, alpha, a, b = self._fitted()
        x, tx, T_ = _history(frequency, recency, T)
        result = special.expit(-self._log_odds_dead(r, alpha, a, b, x, tx, T_))
        return _shaped(result, frequency, recency, T)

    def expected_purchases(self, t, frequency, recency, T):
        """Expected purchases in the next ``t`` time units by a customer with this history.

        The conditional expectation of FHL (2005, eq. 10):
        ``E[Y(t) | x, t_x, T] = (a + b + x - 1) / (a - 1)
        * [1 - ((α + T) / (α + T + t))^(r + x) 2F1(r + x, b + x; a + b + x - 1; t / (α + T + t))]
        * P(alive | x, t_x, T)``.

        Parameters
        ----------
        t : number or array
            Length of the future period, in the summary's time unit (0 or more).
        frequency, recency, T : number, array or Series

        Returns
        -------
        float, numpy.ndarray or pandas.Series

        Examples
        --------
        >>> bg = BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
        >>> round(bg.expected_purchases(39, 2, 30.43, 38.86), 3)
        1.226
        """
        r, alpha, a, b = self._fitted()
        t_ = _numbers(t, "t", low=0)
        x, tx, T_ = _history(frequency, recency, T)
        x, tx, T_, t_ = np.broadcast_arrays(x, tx, T_, t_) if np.ndim(t_) else (x, tx, T_, t_)
        if abs(a - 1) < 1e-9:
            a = 1 + 1e-9  # the closed form has a removable singularity at a = 1
        z = t_ / (alpha + T_ + t_)
        with np.errstate(all="ignore"):
            hyp = special.hyp2f1(r + x, b + x, a + b + x - 1, z)
            bracket = 1 - np.exp((r + x) * (np.log(alpha + T_) - np.log(alpha + T_ + t_)) + np.log(hyp))
            result = (a + b + x - 1) / (a - 1) * bracket * special.expit(
                -self._log_odds_dead(r, alpha, a, b, x, tx, T_))
        return _shaped(result, frequency, recency, T)

    def expected_purchases_population(self, t):
        """Expected purchases by a new customer in ``t`` time units after the first purchase.

        The unconditional mean of FHL (2005, eq. 9):
        ``E[X(t)] = (a + b - 1) / (a - 1) [1 - (α / (α + t))^r 2F1(r, b; a + b - 1; t / (α + t))]``.

        Parameters
        ----------
        t : number or array
            Time since the first purchase (0 or more), in the summary's unit.

        Returns
        -------
        float or numpy.ndarray

        Examples
        --------
        >>> bg = BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
        >>> round(bg.expected_purchases_population(52), 3)
        1.446
        """
        r, alpha, a, b = self._fitted()
        t_ = _numbers(t, "t", low=0)
        if abs(a - 1) < 1e-9:
            a = 1 + 1e-9
        with np.errstate(all="ignore"):
            hyp = special.hyp2f1(r, b, a + b - 1, t_ / (alpha + t_))
            result = (a + b - 1) / (a - 1) * (1 - np.exp(r * (np.log(alpha) - np.log(alpha + t_)) + np.log(hyp)))
        return _shaped(result, t)


class GammaGamma(_Model):
    """The Gamma-Gamma model of spend per transaction (Fader, Hardie & Lee 2005, "RFM and CLV").

    A customer's transaction values vary around their own mean; the mean varies across
    customers. Values z ~ Gamma(p, ν) for one customer, and ν ~ Gamma(q, γ) across customers, so
    the mean spend of a customer is p / ν and the population mean is ``p γ / (q - 1)``. Spend is
    assumed independent of purchase frequency; check that with the correlation of ``frequency``
    and ``monetary_value`` among repeat buyers before relying on it.

    Attributes (after :meth:`fit`)
    ------------------------------
    params_ : dict
        ``{"p", "q", "v"}`` (``v`` is γ).
    log_likelihood_ : float
    n_customers_ : int
        Repeat buyers used in the fit (customers with frequency 0 carry no spend information).

    Examples
    --------
    >>> from helpers import data
    >>> s = summarize(data.load_cdnow(), calibration_end="1997-09-30")
    >>> gg = GammaGamma().fit(s["frequency"], s["monetary_value"])
    >>> {k: round(v, 2) for k, v in gg.params_.items()}
    {'p': 6.25, 'q': 3.74, 'v': 15.44}
    """

    PARAMS = ("p", "q", "v")
    FIT_ARGUMENTS = "frequency, monetary_value"

    @staticmethod
    def _log_likelihood(p, q, v, x, m):
        """Per-customer log-likelihood of the mean spend ``m`` over ``x`` transactions."""
        g = special.gammaln
        return (g(p * x + q) - g(p * x) + p * x * np.log(x) - g(q) + q * np.log(v)
                + (p * x - 1) * np.log(m) - (p * x + q) * np.log(v + m * x))

    @staticmethod
    def _log_likelihood_gradient(p, q, v, x, m):
        """Gradient of the summed log-likelihood with respect to (log p, log q, log v), customer by
        customer (:meth:`_objective` computes the same with shortcuts)."""
        psi = special.digamma
        psi_pxq = psi(p * x + q)
        d_p = x * (psi_pxq - psi(p * x) + np.log(x) + np.log(m) - np.log(v + m * x))
        d_q = psi_pxq - psi(q) + np.log(v) - np.log(v + m * x)
        d_v = q / v - (p * x + q) / (v + m * x)
        return np.array([d_p.sum() * p, d_q.sum() * q, d_v.sum() * v])

    @staticmethod
    def _objective(x, m):
        """The Gamma-Gamma negative log-likelihood of repeat buyers (``x > 0``, ``m > 0``) and its
        gradient over (log p, log q, log v), as one function of the log-parameters.

        The terms in ``log m`` are summed once, and the special functions computed once per distinct
        frequency.
        """
        xs, cx = np.unique(x, return_counts=True)
        n = len(x)
        spent = x * m                                  # total of each customer's repeat purchases
        log_m = np.log(m)
        sum_x_log_m, sum_log_m = float(x @ log_m), float(log_m.sum())
        log_xs = np.log(xs)
        g, psi = special.gammaln, special.digamma

        def neg_ll_and_grad(log_params):
            p, q, v = np.exp(log_params)
            px = p * xs
            log_total = np.log(v + spent)
            inv_total = 1 / (v + spent)
            x_log_total, sum_log_total = x @ log_total, log_total.sum()
            ll = (cx @ (g(px + q) - g(px) + px * log_xs) - n * g(q) + n * q * np.log(v)
                  + p * sum_x_log_m - sum_log_m - p * x_log_total - q * sum_log_total)
            psi_pxq = psi(px + q)
            d_p = cx @ (xs * (psi_pxq - psi(px) + log_xs)) + sum_x_log_m - x_log_total
            d_q = cx @ psi_pxq - n * psi(q) + n * np.log(v) - sum_log_total
            d_v = n * q / v - p * (x @ inv_total) - q * inv_total.sum()
            return -ll, -np.array([d_p * p, d_q * q, d_v * v])

        return neg_ll_and_grad

    @staticmethod
    def _data(frequency, monetary_value, positive=True):
        x = _numbers(frequency, "frequency", integer=True, low=0)
        m = _numbers(monetary_value, "monetary_value", low=0)
        if x.shape != m.shape:
            raise ValueError(f"frequency and monetary_value must have the same length, got "
                             f"{x.shape} and {m.shape}")
        bad = (x > 0) & (m <= 0)
        if positive and bad.any():
            raise ValueError(f"monetary_value must be above 0 for customers with repeat purchases; "
                             f"{int(bad.sum())} have 0. Gamma-Gamma models positive spend: drop "
                             "those customers (e.g. free items only) before fitting")
        return x, m

    def fit(self, frequency, monetary_value, *, initial: dict | None = None, maxiter: int = 2000):
        """Maximum-likelihood fit on the repeat buyers (frequency above 0).

        Parameters
        ----------
        frequency : array or Series
            Repeat transactions per customer.
        monetary_value : array or Series
            Mean value of those transactions (above 0 where frequency is above 0).
        initial : dict, optional
            Starting values ``{"p", "q", "v"}``.
        maxiter : int
            Iteration limit of each optimiser stage.

        Returns
        -------
        GammaGamma
            ``self``.

        Raises
        ------
        ValueError
            NaN, negative or zero spend of a repeat buyer, sizes that differ, no repeat buyers.
        ConvergenceError
            The optimiser did not reach a maximum; the message says what to try.
        """
        _whole_number(maxiter, "maxiter", expected="a positive whole number")
        x, m = self._data(frequency, monetary_value)
        x, m = np.atleast_1d(x), np.atleast_1d(m)
        keep = x > 0
        if not keep.any():
            raise ValueError("no customer has a repeat purchase (frequency is 0 for all): Gamma-Gamma "
                             "learns spend from repeat transactions only")
        x, m = x[keep], m[keep]
        start = _initial(initial, self.PARAMS, np.array([1.0, 1.0, float(np.mean(m))]))
        self.params_, self.log_likelihood_ = _maximise(self._objective(x, m), start, self.PARAMS,
                                                       maxiter, "Gamma-Gamma", len(x))
        self.n_customers_ = int(keep.sum())
        return self

    def expected_spend(self, frequency, monetary_value):
        """Expected value of a customer's future transactions, given their past ones.

        ``E[Z | x, m_x] = (p (γ + x m_x)) / (p x + q - 1)``, a weighted average of the population
        mean ``p γ / (q - 1)`` (weight ``(q - 1) / (p x + q - 1)``) and the customer's own mean
        ``m_x``. A customer with no repeat purchase gets the population mean. Needs ``q > 1``.

        Parameters
        ----------
        frequency, monetary_value : number, array or Series

        Returns
        -------
        float, numpy.ndarray or pandas.Series

        Examples
        --------
        >>> gg = GammaGamma({"p": 6.25, "q": 3.74, "v": 15.44})
        >>> round(gg.expected_spend(0, 0), 2), round(gg.expected_spend(2, 50.0), 2)
        (35.22, 47.34)
        """
        p, q, v = self._fitted()
        if q <= 1:
            raise ValueError(f"expected spend needs q > 1 (a finite population mean), got q = {q:.3g}")
        x, m = self._data(frequency, monetary_value, positive=False)  # a zero mean is a valid observation here
        result = p * (v + x * m) / (p * x + q - 1)
        return _shaped(result, frequency, monetary_value)


def clv(bg: BetaGeo, gg: GammaGamma, summary: pd.DataFrame, horizon: int,
        discount_rate: float, freq: str = "W") -> pd.Series:
    """Discounted expected value of each customer's purchases over the next ``horizon`` periods.

    ``CLV = sum over i = 1..horizon of (E[Y(i)] - E[Y(i - 1)]) * E[spend] / (1 + d)^i``, with
    ``E[Y(s)]`` the BG/NBD expected purchases in the next ``s`` periods given the customer's
    history, ``E[spend]`` the Gamma-Gamma expected value per purchase, and each period's
    purchases discounted at the period's end. Value is revenue in the currency of the amounts
    (multiply by a margin for profit).

    Parameters
    ----------
    bg : BetaGeo
        Fitted on a summary in the time unit of ``summary.attrs["freq"]`` (weeks by default).
    gg : GammaGamma
        Fitted spend model.
    summary : pandas.DataFrame
        Columns ``frequency``, ``recency``, ``T``, ``monetary_value`` (from :func:`summarize`).
    horizon : int
        Number of periods ahead (1 or more), each of length ``freq``.
    discount_rate : float
        Discount rate per period of length ``freq``, in [0, 1). An annual rate R is
        ``(1 + R) ** (1 / 12) - 1`` per month.
    freq : {"W", "M", "Y"}, default "W"
        Length of a period: week, month (365.25 / 12 days) or year. State it with the result:
        "12-month CLV at 1% a month" and "52-week CLV at 0.23% a week" are comparable; "CLV 12" is not.

    Returns
    -------
    pandas.Series
        Named ``clv``, indexed like ``summary``.

    Examples
    --------
    >>> bg = BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    >>> gg = GammaGamma({"p": 6.25, "q": 3.74, "v": 15.44})
    >>> import pandas as pd
    >>> s = pd.DataFrame({"frequency": [0, 5], "recency": [0.0, 30.0], "T": [35.0, 35.0],
    ...                   "monetary_value": [0.0, 40.0]})
    >>> clv(bg, gg, s, horizon=12, discount_rate=0.01, freq="M").round(2).tolist()
    [9.09, 154.65]
    """
    if not isinstance(bg, BetaGeo):
        raise TypeError(f"bg must be a fitted BetaGeo model, got {type(bg).__name__}")
    if not isinstance(gg, GammaGamma):
        raise TypeError(f"gg must be a fitted GammaGamma model, got {type(gg).__name__}")
    _summary_columns(summary, ("frequency", "recency", "T", "monetary_value"))
    _whole_number(horizon, "horizon", expected="a whole number of periods, 1 or more")
    if isinstance(discount_rate, bool) or not isinstance(discount_rate, (int, float, np.number)):
        raise TypeError(f"discount_rate must be a number, got {type(discount_rate).__name__}")
    if not 0 <= discount_rate < 1:
        raise ValueError(f"discount_rate must lie in [0, 1) per period, got {discount_rate!r}")
    period = _unit(freq, "freq", allowed=("W", "M", "Y"))
    model_unit = summary.attrs.get("freq", "W")
    step = period / _unit(model_unit, "summary.attrs['freq']")
    spend = np.asarray(gg.expected_spend(summary["frequency"], summary["monetary_value"]))
    x, tx, T = (summary[c].to_numpy() for c in ("frequency", "recency", "T"))
    value = np.zeros(len(summary))
    previous = np.zeros(len(summary))
    for i in range(1, horizon + 1):
        current = np.asarray(bg.expected_purchases(i * step, x, tx, T))
        value += (current - previous) / (1 + discount_rate) ** i
        previous = current
    return pd.Series(value * spend, index=summary.index, name="clv")


# --- diagnostics: calibration against holdout ---------------------------------------------------

def tracking(transactions: pd.DataFrame, bg: BetaGeo, calibration_end, observation_end) -> pd.DataFrame:
    """Cumulative repeat purchases week by week: what happened and what the fitted model expects.

    The cohort is every customer whose first purchase falls on or before ``calibration_end``.
    Week ``k`` ends ``7 k`` days after the cohort's first purchase day. The model's curve adds up,
    over customers, the unconditional expectation ``E[X(t)]`` at each customer's time since their
    own first purchase, so it uses the calibration period only through the parameters. The
    purchase histories are counted by :func:`helpers.purchase_histories.cumulative_repeat_purchases`.

    Parameters
    ----------
    transactions : pandas.DataFrame
        Columns ``customer_id``, ``date``, ``amount``.
    bg : BetaGeo
        Fitted (in weeks) on the calibration summary.
    calibration_end, observation_end : date-like
        End of calibration and of holdout.

    Returns
    -------
    pandas.DataFrame
        Index ``week`` (1, 2, ...), columns ``actual`` and ``expected`` (cumulative repeat
        purchases); ``attrs["calibration_weeks"]`` is the length of calibration in weeks.

    Examples
    --------
    >>> from helpers import data
    >>> bg = BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    >>> track = tracking(data.load_cdnow(), bg, "1997-09-30", "1998-06-30")
    >>> int(track["actual"].iloc[-1]), round(track.attrs["calibration_weeks"], 2)
    (4339, 39.0)
    """
    if not isinstance(bg, BetaGeo):
        raise TypeError(f"bg must be a fitted BetaGeo model, got {type(bg).__name__}")
    bg._fitted()
    if bg.freq_ != "W":
        raise ValueError(f"bg must be fitted in weeks (freq='W') for a weekly tracking plot, got {bg.freq_!r}")
    if calibration_end is None or observation_end is None:
        raise ValueError("tracking needs both calibration_end and observation_end")
    return cumulative_repeat_purchases(transactions, calibration_end, observation_end,
                                       expected=bg.expected_purchases_population)


def conditional_expectations(bg: BetaGeo, summary: pd.DataFrame, max_frequency: int = 7) -> pd.DataFrame:
    """Holdout purchases per customer, actual and expected, by calibration frequency.

    Customers are grouped by their number of repeat purchases in calibration (the last group is
    ``max_frequency`` or more). For each group: the mean number of holdout purchases, and the mean
    of the model's conditional expectation :meth:`BetaGeo.expected_purchases` over the holdout.

    Parameters
    ----------
    bg : BetaGeo
        Fitted on the calibration columns of ``summary``.
    summary : pandas.DataFrame
        From :func:`summarize` with ``observation_end`` (needs ``frequency_holdout`` and
        ``duration_holdout``).
    max_frequency : int
        Frequencies at or above it are pooled.

    Returns
    -------
    pandas.DataFrame
        Index ``frequency`` (0..max_frequency), columns ``customers``, ``actual``, ``expected``.

    Examples
    --------
    >>> import pandas as pd
    >>> bg = BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    >>> s = pd.DataFrame({"frequency": [0, 1, 1], "recency": [0.0, 2.0, 30.0], "T": [30.0] * 3,
    ...                   "frequency_holdout": [0, 0, 2], "duration_holdout": [39.0] * 3})
    >>> conditional_expectations(bg, s, max_frequency=1).round(2)
               customers  actual  expected
    frequency                             
    0                  1     0.0      0.24
    1                  2     1.0      0.60
    """
    if not isinstance(bg, BetaGeo):
        raise TypeError(f"bg must be a fitted BetaGeo model, got {type(bg).__name__}")
    _summary_columns(summary, ("frequency", "recency", "T", "frequency_holdout", "duration_holdout"))
    _whole_number(max_frequency, "max_frequency")
    duration = _numbers(summary["duration_holdout"], "duration_holdout", low=0, low_open=True)
    actual = _numbers(summary["frequency_holdout"], "frequency_holdout", integer=True, low=0)
    expected = np.asarray(bg.expected_purchases(duration, summary["frequency"].to_numpy(),
                                                summary["recency"].to_numpy(), summary["T"].to_numpy()))
    group = np.minimum(summary["frequency"].to_numpy(), max_frequency).astype(int)
    frame = pd.DataFrame({"frequency": group, "actual": actual, "expected": expected})
    out = frame.groupby("frequency").agg(customers=("actual", "size"), actual=("actual", "mean"),
                                         expected=("expected", "mean"))
    return out


def p_alive_matrix(bg: BetaGeo, T: float, max_frequency: int = 20, points: int = 40) -> pd.DataFrame:
    """P(alive) on a grid of frequency (rows) and recency (columns) for customers of age ``T``.

    Parameters
    ----------
    bg : BetaGeo
        Fitted model (or one made from parameters).
    T : float
        Time since the first purchase, shared by every cell (e.g. the length of calibration).
    max_frequency : int
        Rows run from 0 to ``max_frequency`` repeat purchases.
    points : int
        Number of recency values from 0 to ``T``.

    Returns
    -------
    pandas.DataFrame
        Index ``frequency``, columns ``recency``; cells with frequency 0 and recency above 0
        (impossible histories) are NaN.

    Examples
    --------
    >>> bg = BetaGeo({"r": 0.243, "alpha": 4.414, "a": 0.793, "b": 2.426})
    >>> m = p_alive_matrix(bg, T=39.0, max_frequency=3, points=3)
    >>> m.round(2).to_numpy().tolist()
    [[1.0, nan, nan], [0.15, 0.59, 0.75], [0.02, 0.53, 0.81], [0.0, 0.45, 0.85]]
    """
    if not isinstance(bg, BetaGeo):
        raise TypeError(f"bg must be a fitted BetaGeo model, got {type(bg).__name__}")
    T = float(_numbers(T, "T", low=0, low_open=True))
    _whole_number(max_frequency, "max_frequency")
    _whole_number(points, "points", low=2)
    x = np.arange(max_frequency + 1, dtype=float)[:, None]
    tx = np.linspace(0, T, points)[None, :]
    xx, tt = np.broadcast_arrays(x, tx)
    valid = ~((xx == 0) & (tt > 0))
    values = np.full(xx.shape, np.nan)
    values[valid] = bg.p_alive(xx[valid], tt[valid], T)
    return pd.DataFrame(values, index=pd.Index(np.arange(max_frequency + 1), name="frequency"),
                        columns=pd.Index(np.round(tx.ravel(), 6), name="recency"))
