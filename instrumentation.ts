export async function register() {
  // Written as a positive check so the edge bundle drops the Node-only import entirely.
  if (process.env.NEXT_RUNTIME === 'nodejs') {
    const { prepareServer } = await import('./instrumentation-node')
    await prepareServer()
  }
}
