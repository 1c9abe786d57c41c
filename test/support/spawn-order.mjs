// Loaded into a built entry point before it starts (NODE_OPTIONS=--import): appends the
// arguments of each process it starts to the file SPAWN_ORDER names, in the order the
// process asked for them. git's own trace says when each command began running, which on
// a busy machine need not be the order they were started in.
import childProcess from 'node:child_process'
import { appendFileSync } from 'node:fs'
import { syncBuiltinESMExports } from 'node:module'

const log = process.env.SPAWN_ORDER
for (const name of ['spawn', 'execFile']) {
  const start = childProcess[name]
  childProcess[name] = function (file, args, ...rest) {
    if (log && Array.isArray(args)) appendFileSync(log, `${args.join(' ')}\n`)
    return start.call(this, file, args, ...rest)
  }
}
syncBuiltinESMExports()
