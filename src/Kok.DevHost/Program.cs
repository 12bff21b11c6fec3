using Kok.DevHost;

return await DevHostRunner.RunAsync(args, Console.Error);
