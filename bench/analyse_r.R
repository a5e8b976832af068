# bench/analyse_r.R — the R side of bench/run_analyse_vs_r.sh: the same analysis as
# bench/analyse_spec.toml run by `cpi analyse`, on an r-anchor dataset (gen_data.R):
# for wemwbs, scope, rguk: paired t-tests + Welch, aov of change (group_time), lm + clubSandwich
# CR2 with Satterthwaite df (ancova), lmerTest::lmer REML (mixed), then mice (pmm, m = 20,
# maxit = 5) and pooling of every model (pool.scalar / mice::pool).
#   Rscript analyse_r.R DATA.csv OUT.json [m]
# Above 2,000 clusters clubSandwich's Satterthwaite df is infeasible (22 GB at 10,000 teams,
# see the r-anchor README), so there — and only there — R uses the naive t (J − 1 df) that the
# r-anchor uses; the C++ engine always computes the Satterthwaite df.
suppressPackageStartupMessages({ library(clubSandwich); library(lmerTest); library(mice); library(jsonlite) })
args <- commandArgs(TRUE)
M <- if (length(args) >= 3) as.integer(args[3]) else 20L
d <- read.csv(args[1], stringsAsFactors = FALSE)
d$arm <- factor(d$arm, levels = c("control", "intervention"))
d$gender <- factor(d$gender); d$ethnicity <- factor(d$ethnicity)
OUT <- c("wemwbs", "scope", "rguk"); COV <- "age + gender + ethnicity"
J <- length(unique(d$team)); satt <- J <= 2000
term <- "armintervention"
models <- function(x) {
  res <- list()
  for (o in OUT) {
    b <- paste0(o, "_b"); f <- paste0(o, "_f")
    cc <- x[!is.na(x[[f]]) & !is.na(x[[b]]), ]
    ch <- cc[[f]] - cc[[b]]
    for (a in levels(cc$arm)) t.test(cc[[f]][cc$arm == a], cc[[b]][cc$arm == a], paired = TRUE)
    w <- t.test(ch[cc$arm == "intervention"], ch[cc$arm == "control"])
    cc$.chg <- ch
    g <- lm(as.formula(paste(".chg ~", COV, "+ arm")), data = cc); summary(aov(g))
    fit <- lm(as.formula(sprintf("%s ~ arm + %s + %s", f, b, COV)), data = cc)
    V <- vcovCR(fit, cluster = cc$team, type = "CR2")
    ct <- coef_test(fit, vcov = V, test = if (satt) "Satterthwaite" else "naive-t", coefs = term)
    mm <- lmer(as.formula(sprintf("%s ~ arm + %s + %s + (1 | team)", f, b, COV)), data = cc, REML = TRUE)
    cf <- summary(mm)$coefficients
    res[[o]] <- list(paired = c(unname(w$estimate[1] - w$estimate[2]), w$stderr^2),
                     group_time = c(coef(g)[[term]], vcov(g)[term, term]),
                     ancova = c(coef(fit)[[term]], V[term, term]),
                     mixed = c(cf[term, 1], cf[term, 2]^2), n = nrow(cc))
  }
  res
}
t0 <- proc.time()
cc <- models(d)
vars <- c("arm", "age", "gender", "ethnicity", paste0(OUT, "_b"), paste0(OUT, "_f"),
          "utility_b", "cost_b", "utility_f", "cost_f")
imp <- mice(d[, vars], m = M, maxit = 5, method = "pmm", seed = 1, printFlag = FALSE)
dd <- d
fits <- lapply(seq_len(M), function(i) { ci <- complete(imp, i); dd[, vars] <- ci; models(dd) })
pooled <- list()
for (o in OUT) for (mo in c("paired", "group_time", "ancova", "mixed")) {
  q <- sapply(fits, function(r) r[[o]][[mo]][1]); u <- sapply(fits, function(r) r[[o]][[mo]][2])
  pooled[[o]][[mo]] <- pool.scalar(q, u, n = nrow(d), k = 10)$qbar
}
writeLines(toJSON(list(complete_case = cc, pooled = pooled, seconds = (proc.time() - t0)[["elapsed"]]),
                  auto_unbox = TRUE, digits = NA), args[2])
