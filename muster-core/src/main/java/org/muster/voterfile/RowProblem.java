package org.muster.voterfile;

/** Why a row that has the right shape still cannot be loaded: the column at fault and the reason. */
record RowProblem(String field, String reason) {
}
