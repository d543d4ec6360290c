// Test classes each start the real host through WebApplicationFactory<Program>. The minimal-hosting factory finds
// "its" host through process-wide diagnostic events, and factories starting at the same moment have been seen to
// pick up each other's services; so this assembly's classes run one after another.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
