/** One look for every table's header row: small, uppercase, letter-spaced (issue 18 found
 *  headers in three different cases). `<thead className={tableHead}>`. */
export const tableHead = 'bg-slate-50 text-left text-xs font-semibold uppercase tracking-wide text-slate-600'
