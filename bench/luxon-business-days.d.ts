// luxon-business-days ships no types. It exports luxon's DateTime, whose prototype it
// extends with setupBusiness/isBusinessDay (typed at the call site in the benchmark).
declare module 'luxon-business-days' {
  const plugin: { DateTime: typeof import('luxon').DateTime };
  export default plugin;
}
