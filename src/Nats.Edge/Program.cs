using Nats.Edge.Hosting;

return await HostRunner.RunAsync(args).ConfigureAwait(false);
